/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn } from 'node:child_process';

/**
 * A small bash process beside each supervised process group: when the Node
 * process that started the group disappears (even by SIGKILL), or on Ctrl-C,
 * it ends the group (SIGTERM, then SIGKILL after the grace period) and
 * removes `cleanup`, so that no server outlives a crashed run. It exits by
 * itself once the group is gone.
 */
const SCRIPT = `
parent=$1; group=$2; ticks=$3; cleanup=$4
stop() {
  trap '' TERM INT HUP
  kill -TERM -$group 2>/dev/null
  for _ in $(seq $ticks); do kill -0 -$group 2>/dev/null || break; sleep 0.1; done
  kill -KILL -$group 2>/dev/null
  [ "$cleanup" != "-" ] && rm -rf "$cleanup"
  exit 0
}
trap stop TERM INT HUP
while kill -0 $parent 2>/dev/null && kill -0 -$group 2>/dev/null; do sleep 1 & wait $!; done
stop
`;

export function startWatchdog(
  pgid: number,
  graceMs: number,
  cleanupDir: string | undefined,
  parentPid = process.pid,
): ChildProcess {
  const watchdog = spawn(
    'bash',
    [
      '-c',
      SCRIPT,
      'watchdog',
      String(parentPid),
      String(pgid),
      String(Math.max(1, Math.ceil(graceMs / 100))),
      cleanupDir ?? '-',
    ],
    { stdio: 'ignore' },
  );
  // It must not keep the parent alive: it is there for when the parent dies.
  watchdog.unref();
  return watchdog;
}
