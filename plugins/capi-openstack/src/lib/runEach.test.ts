/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { EachOutcome, runEach } from './runEach';

/** A task per item that the test resolves or rejects by hand. */
function controlled(n: number) {
  const pending = new Map<number, { resolve(v: string): void; reject(e: Error): void }>();
  const running: number[] = [];
  let peak = 0;
  const fn = (i: number) =>
    new Promise<string>((resolve, reject) => {
      running.push(i);
      peak = Math.max(peak, running.length);
      const done = () => running.splice(running.indexOf(i), 1);
      pending.set(i, {
        resolve: v => {
          done();
          resolve(v);
        },
        reject: e => {
          done();
          reject(e);
        },
      });
    });
  return { items: Array.from({ length: n }, (_, i) => i), fn, pending, running, peak: () => peak };
}
const tick = () => new Promise(r => setTimeout(r, 0));

describe('runEach', () => {
  it('never runs more than the limit at once and reports every outcome', async () => {
    const c = controlled(5);
    const outcomes: Array<[number, EachOutcome<string>['state']]> = [];
    const all = runEach(c.items, c.fn, { limit: 2, stopOnFailure: false, onOutcome: (i, o) => outcomes.push([i, o.state]) });
    await tick();
    expect(c.running).toEqual([0, 1]);
    c.pending.get(0)!.resolve('a');
    await tick();
    expect(c.running).toEqual([1, 2]);
    c.pending.get(1)!.reject(new Error('quota'));
    await tick();
    for (const i of [2, 3, 4]) {
      await tick();
      c.pending.get(i)!.resolve('x');
    }
    await all;
    expect(c.peak()).toBe(2);
    expect(outcomes.sort()).toEqual([[0, 'done'], [1, 'failed'], [2, 'done'], [3, 'done'], [4, 'done']]);
  });

  it('skips what has not started after a failure, when asked to stop', async () => {
    const c = controlled(4);
    const outcomes: Array<[number, EachOutcome<string>['state']]> = [];
    const all = runEach(c.items, c.fn, { limit: 2, stopOnFailure: true, onOutcome: (i, o) => outcomes.push([i, o.state]) });
    await tick();
    c.pending.get(0)!.reject(new Error('refused'));
    await tick();
    c.pending.get(1)!.resolve('ok');
    await all;
    expect(outcomes.sort()).toEqual([[0, 'failed'], [1, 'done'], [2, 'skipped'], [3, 'skipped']]);
  });
});
