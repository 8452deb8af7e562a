import { startManagementCluster } from '@internal/management-cluster';
import https from 'node:https';
import fs from 'node:fs';
import { seedFleet } from './seedFleet';
async function main() {
  const mc = await startManagementCluster({ log: () => {} });
  try {
    const seeding = seedFleet(mc, { clusters: 100, concurrency: 32, namespaces: 10 });
    await new Promise(r => setTimeout(r, 8000));
    await new Promise<void>((resolve, reject) => {
      https.get(mc.url + '/debug/pprof/profile?seconds=15', { ca: mc.caPem, headers: { Authorization: `Bearer ${mc.token('admin')}` } }, res => {
        const f = fs.createWriteStream('/tmp/apiserver.pprof'); res.pipe(f); f.on('finish', () => resolve());
      }).on('error', reject);
    });
    console.log(await seeding);
  } finally { await mc.stop(); }
}
main();
