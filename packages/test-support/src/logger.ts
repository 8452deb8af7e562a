/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export type Logger = (message: string) => void;

/** A logger writing `[name] message` lines to stderr. */
export function stderrLogger(name: string): Logger {
  return message => process.stderr.write(`[${name}] ${message}\n`);
}
