/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, Logger } from '@internal/test-support';
import { run, superviseService } from './processes';

export interface RabbitMq {
  amqpPort: number;
  /** The consumer count of each queue (rabbitmqctl list_queues). */
  queueConsumers(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts RabbitMQ (the Nova and Cinder services talk over it) as root from
 * its Erlang release, with its own node name, ports and Erlang port mapper,
 * so it neither needs nor disturbs a system-wide RabbitMQ.
 */
export async function startRabbitMq(
  runDir: string,
  log: Logger,
): Promise<RabbitMq> {
  fs.mkdirSync(path.join(runDir, 'mnesia'), { recursive: true });
  const [amqpPort, distPort, epmdPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  fs.writeFileSync(path.join(runDir, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(
    path.join(runDir, 'rabbitmq.conf'),
    [
      'loopback_users.guest = false',
      'log.console = true',
      'log.file = false',
      'vm_memory_high_watermark.absolute = 512MiB',
      'disk_free_limit.absolute = 50MB',
      '',
    ].join('\n'),
  );
  const env = {
    ...process.env,
    HOME: runDir,
    RABBITMQ_NODENAME: `testbed${process.pid}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    // The Erlang distribution port listens on every interface otherwise.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:
      '-kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_MNESIA_BASE: path.join(runDir, 'mnesia'),
    RABBITMQ_LOG_BASE: runDir,
    RABBITMQ_CONFIG_FILE: path.join(runDir, 'rabbitmq.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(runDir, 'enabled_plugins'),
    RABBITMQ_PID_FILE: path.join(runDir, 'rabbitmq.pid'),
    RABBITMQ_CONF_ENV_FILE: path.join(runDir, 'rabbitmq-env.conf'),
  };
  const proc = superviseService(
    'rabbitmq-server',
    '/usr/lib/rabbitmq/bin/rabbitmq-server',
    [],
    {
      logFile: path.join(runDir, 'rabbitmq.log'),
      env,
    },
  );
  const started = Date.now();
  await proc.waitReady(() => portOpen(amqpPort), {
    timeoutMs: 120_000,
    intervalMs: 500,
    message: 'RabbitMQ to listen',
  });
  log(`RabbitMQ ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return {
    amqpPort,
    async queueConsumers() {
      const out = path.join(runDir, 'list_queues.out');
      await run(
        '/usr/lib/rabbitmq/bin/rabbitmqctl',
        ['-n', env.RABBITMQ_NODENAME, '-q', 'list_queues', 'name', 'consumers'],
        { logFile: out, env, timeoutMs: 60_000 },
      );
      const text = fs.readFileSync(out, 'utf8');
      fs.rmSync(out, { force: true });
      const counts: Record<string, number> = {};
      for (const line of text.split('\n')) {
        const m = /^(\S+)\t(\d+)$/.exec(line);
        if (m) counts[m[1]] = Number(m[2]);
      }
      return counts;
    },
    async stop() {
      await proc.stop();
      // The port mapper daemon erl started for this node only.
      await run('epmd', ['-port', String(epmdPort), '-kill'], {
        logFile: path.join(runDir, 'rabbitmq.log'),
        env,
        timeoutMs: 10_000,
      }).catch(() => undefined);
    },
  };
}
