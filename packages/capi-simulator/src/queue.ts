/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/**
 * A rate-limited work queue like controller-runtime's: a key is processed by
 * one worker at a time, adding a key that is already waiting keeps the
 * earliest due time, and a key added while it is being processed runs again
 * afterwards.
 */
export class WorkQueue {
  private readonly due = new Map<
    string,
    { at: number; timer: NodeJS.Timeout }
  >();
  private readonly ready: string[] = [];
  private readonly readySet = new Set<string>();
  private readonly running = new Set<string>();
  /** Keys added while running, with their delay. */
  private readonly again = new Map<string, number>();
  private active = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly worker: (key: string) => Promise<void>,
    private readonly concurrency = 4,
  ) {}

  add(key: string, delay = 0) {
    if (this.stopped) return;
    // setTimeout fires at once for delays beyond 2^31-1 ms.
    const delayMs = Math.min(delay, 2 ** 31 - 1);
    if (this.running.has(key)) {
      const previous = this.again.get(key);
      this.again.set(
        key,
        previous === undefined ? delayMs : Math.min(previous, delayMs),
      );
      return;
    }
    if (this.readySet.has(key)) return;
    const at = Date.now() + Math.max(0, delayMs);
    const waiting = this.due.get(key);
    if (waiting && waiting.at <= at) return;
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => {
      this.due.delete(key);
      this.enqueueReady(key);
    }, Math.max(0, delayMs));
    this.due.set(key, { at, timer });
  }

  private enqueueReady(key: string) {
    if (this.stopped || this.readySet.has(key)) return;
    this.readySet.add(key);
    this.ready.push(key);
    this.pump();
  }

  private pump() {
    while (
      !this.stopped &&
      this.active < this.concurrency &&
      this.ready.length
    ) {
      const key = this.ready.shift()!;
      this.readySet.delete(key);
      this.active++;
      this.running.add(key);
      this.worker(key)
        .catch(() => undefined)
        .finally(() => {
          this.active--;
          this.running.delete(key);
          const again = this.again.get(key);
          if (again !== undefined) {
            this.again.delete(key);
            this.add(key, again);
          }
          this.pump();
          this.notifyIdle();
        });
    }
  }

  private notifyIdle() {
    if (this.active === 0 && this.ready.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach(w => w());
    }
  }

  /** Stops scheduling; resolves when running work has finished. */
  async stop() {
    this.stopped = true;
    for (const { timer } of this.due.values()) clearTimeout(timer);
    this.due.clear();
    this.ready.length = 0;
    this.readySet.clear();
    await new Promise<void>(resolve => {
      if (this.active === 0) resolve();
      else this.idleWaiters.push(resolve);
    });
  }
}
