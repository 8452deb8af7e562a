/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export interface WaitForOptions {
  timeoutMs: number;
  /** Pause between two attempts (default 100 ms). */
  intervalMs?: number;
  /** What is awaited, for the error: "timed out ... waiting for <message>". */
  message: string;
  /** Checked before each attempt: a string ends the wait with that error. */
  failFast?: () => string | undefined;
}

/** A condition: `undefined` or `false` (or a throw) means "not yet". */
export type Condition<T> = () =>
  | T
  | undefined
  | false
  | Promise<T | undefined | false>;

/**
 * Polls `condition` until it returns a value (which is resolved) or
 * `timeoutMs` passes; the last error it threw, if any, ends up in the
 * timeout's message.
 */
export async function waitFor<T>(
  condition: Condition<T>,
  options: WaitForOptions,
): Promise<Exclude<T, undefined | false>> {
  const { timeoutMs, intervalMs = 100, message } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const fatal = options.failFast?.();
    if (fatal) throw new Error(`${message}: ${fatal}`);
    try {
      const value = await condition();
      if (value !== undefined && value !== false) {
        return value as Exclude<T, undefined | false>;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${message}${
          lastError ? `: ${String(lastError)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}
