import { startManagementCluster } from '@internal/management-cluster';
import { seedFleet } from './seedFleet';
async function main() {
  const mc = await startManagementCluster({ log: () => {} });
  try {
    const r = await seedFleet(mc, { clusters: 60, concurrency: Number(process.env.C ?? 32), namespaces: 10 });
    console.log(process.env.BENCH_STATUS, process.env.GOGC, process.env.C, r, Math.round(r.requests / r.ms * 1000), 'req/s');
  } finally { await mc.stop(); }
}
main();
