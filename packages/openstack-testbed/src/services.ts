/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import path from 'node:path';
import { Supervised } from '@internal/test-support';
import { superviseService } from './processes';

/**
 * The environment of every OpenStack process: Debian's Python only (a
 * pyenv or virtualenv on PATH must not shadow /usr/bin/python3).
 */
export function serviceEnv(
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    ...extra,
  };
}

export interface WsgiApp {
  name: string;
  /** The pbr-generated WSGI script shipped by the Debian package. */
  wsgiFile: string;
  port: number;
  env?: Record<string, string>;
  /** sys.argv of the application (for services that read --config-file from it). */
  pyargv?: string[];
  processes?: number;
  threads?: number;
}

/**
 * Runs a WSGI API under uwsgi on 127.0.0.1, the way Debian's service files
 * do (minus systemd, users and AppArmor).
 */
export function startWsgi(app: WsgiApp, logDir: string): Supervised {
  const args = [
    '--plugins',
    'python3',
    '--http-socket',
    `127.0.0.1:${app.port}`,
    '--wsgi-file',
    app.wsgiFile,
    '--master',
    '--processes',
    String(app.processes ?? 1),
    '--threads',
    String(app.threads ?? 4),
    '--enable-threads',
    '--lazy-apps',
    '--need-app',
    '--die-on-term',
    '--buffer-size',
    '65535',
    '--add-header',
    'Connection: close',
    '--procname-prefix',
    `testbed-${app.name}-`,
    '--disable-logging',
  ];
  if (app.pyargv?.length) args.push('--pyargv', app.pyargv.join(' '));
  return superviseService(app.name, 'uwsgi', args, {
    logFile: path.join(logDir, `${app.name}.log`),
    env: serviceEnv(app.env),
  });
}

/** A Python service binary (conductor, scheduler...) with its config files. */
export function startPythonService(
  name: string,
  command: string[],
  configFiles: string[],
  logDir: string,
): Supervised {
  return superviseService(
    name,
    command[0],
    [...command.slice(1), ...configFiles.flatMap(f => ['--config-file', f])],
    { logFile: path.join(logDir, `${name}.log`), env: serviceEnv() },
  );
}

/**
 * Waits until an API answers on its root (any status below 500: the version
 * document, or 401 where even that needs a token).
 */
export async function waitForApi(
  p: Supervised,
  url: string,
  timeoutMs = 180_000,
): Promise<void> {
  await p.waitReady(
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      return res.status < 500;
    },
    { timeoutMs, intervalMs: 500, message: `${p.name} at ${url}` },
  );
}
