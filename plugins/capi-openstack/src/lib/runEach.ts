/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** What became of one item of {@link runEach}. */
export type EachOutcome<R> =
  | { state: 'done'; result: R }
  | { state: 'failed'; error: Error }
  | { state: 'skipped' };

/**
 * Runs `fn` for every item, never more than `limit` at once, reporting each
 * outcome as it happens. With `stopOnFailure`, items not yet started after a
 * failure are skipped (those running finish).
 */
export async function runEach<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  options: { limit: number; stopOnFailure: boolean; onStart?(i: number): void; onOutcome(i: number, o: EachOutcome<R>): void },
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      if (failed && options.stopOnFailure) {
        options.onOutcome(i, { state: 'skipped' });
        continue;
      }
      options.onStart?.(i);
      try {
        options.onOutcome(i, { state: 'done', result: await fn(items[i]) });
      } catch (e) {
        failed = true;
        options.onOutcome(i, { state: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.limit, items.length)) }, worker));
}
