/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CachedToken, TokenCache } from './tokenCache';

type S = { expiresAt: number };

/** A finished login whose token expires at `expiresAt`. */
const done = (expiresAt: number): CachedToken<S> => ({ promise: Promise.resolve({ expiresAt }), session: { expiresAt } });
/** A login still waiting for Keystone. */
const pending = (): CachedToken<S> => ({ promise: new Promise<S>(() => {}) });

describe('TokenCache', () => {
  it('drops expired tokens on insert, also of credentials nobody asks for again', () => {
    const cache = new TokenCache<S>();
    cache.set('a', done(1_000), 0);
    cache.set('b', done(5_000), 0);
    const waiting = pending();
    cache.set('c', waiting, 0);
    expect(cache.size).toBe(3);
    cache.set('d', done(9_000), 1_000);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(waiting);
    expect(cache.size).toBe(3);
    cache.set('e', done(9_000), 6_000);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('c'), cache.get('d'), cache.get('e')].every(Boolean)).toBe(true);
  });

  it('keeps at most its bound, dropping the oldest; a renewed entry counts as new', () => {
    const cache = new TokenCache<S>(3);
    for (const k of ['a', 'b', 'c']) cache.set(k, done(10_000), 0);
    cache.set('a', done(20_000), 1);
    cache.set('d', done(10_000), 2);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.session?.expiresAt).toBe(20_000);
    cache.set('e', done(10_000), 3);
    expect(cache.get('c')).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('deletes an entry only if it was not replaced meanwhile', () => {
    const cache = new TokenCache<S>();
    const first = done(10_000);
    const second = done(20_000);
    cache.set('a', first, 0);
    cache.set('a', second, 0);
    cache.delete('a', first);
    expect(cache.get('a')).toBe(second);
    cache.delete('a', second);
    expect(cache.get('a')).toBeUndefined();
  });
});
