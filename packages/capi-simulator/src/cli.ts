/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/*
 * capi-simulator --kubeconfig FILE [--time-scale N] [--namespace NS]...
 *
 * Runs the simulated CAPI and CAPO controllers against a (local) management
 * cluster until SIGINT or SIGTERM. --time-scale: how many times faster than
 * a real cloud (default 10: a new cluster is Available in about 30 s).
 */

import { parseArgs } from 'node:util';
import { defaultLogger, startSimulator } from './simulator';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(
    'usage: capi-simulator --kubeconfig FILE [--time-scale N] [--namespace NS]...\n',
  );
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        kubeconfig: { type: 'string' },
        'time-scale': { type: 'string' },
        namespace: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  if (values.help) usage();
  const timeScale =
    values['time-scale'] === undefined ? 10 : Number(values['time-scale']);
  if (!(timeScale > 0))
    usage(
      `--time-scale must be a positive number, got ${values['time-scale']}`,
    );
  const kubeconfigPath = values.kubeconfig ?? process.env.KUBECONFIG;
  if (!kubeconfigPath)
    usage('--kubeconfig FILE is required (or set KUBECONFIG)');

  const simulator = await startSimulator({
    kubeconfigPath,
    timeScale,
    namespaces: values.namespace,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    defaultLogger(`${signal}: stopping`);
    await simulator.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void stop(signal));
  // A machine-readable line for a parent process.
  process.stdout.write('READY capi-simulator\n');
}

main().catch(e => {
  defaultLogger(String((e as Error)?.message ?? e));
  process.exit(1);
});
