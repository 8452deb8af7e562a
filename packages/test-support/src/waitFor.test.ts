/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { waitFor } from './waitFor';

describe('waitFor', () => {
  it('resolves with the first value that is neither undefined nor false', async () => {
    let attempts = 0;
    const value = await waitFor(
      () => {
        attempts++;
        if (attempts === 1) return undefined;
        if (attempts === 2) return false;
        return attempts === 3 ? 'ready' : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 1, message: 'the third attempt' },
    );
    expect(value).toBe('ready');
    expect(attempts).toBe(3);
  });

  it('times out with the message and the last error', async () => {
    const started = Date.now();
    await expect(
      waitFor(
        async () => {
          throw new Error('connection refused');
        },
        { timeoutMs: 50, intervalMs: 10, message: 'the server to listen' },
      ),
    ).rejects.toThrow(
      'timed out after 50 ms waiting for the server to listen: Error: connection refused',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('ends early with the failFast reason', async () => {
    let attempts = 0;
    await expect(
      waitFor(
        () => {
          attempts++;
          return undefined;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 1,
          message: 'etcd',
          failFast: () => (attempts >= 2 ? 'etcd exited' : undefined),
        },
      ),
    ).rejects.toThrow(/^etcd: etcd exited$/);
    expect(attempts).toBe(2);
  });
});
