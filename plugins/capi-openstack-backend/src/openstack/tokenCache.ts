/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Keystone sessions by credential fingerprint. Bounded: identities come and
// go (every namespace Secret is one), so expired tokens are dropped on each
// insert and the oldest entries go beyond the size bound.

/** Credentials remembered at most. */
export const MAX_CACHED_TOKENS = 1000;

export interface CachedToken<S extends { expiresAt: number }> {
  promise: Promise<S>;
  /** Set once the login succeeded. */
  session?: S;
}

export class TokenCache<S extends { expiresAt: number }> {
  // A Map iterates in insertion order: the first entry is the oldest.
  private readonly entries = new Map<string, CachedToken<S>>();

  constructor(private readonly maxEntries = MAX_CACHED_TOKENS) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedToken<S> | undefined {
    return this.entries.get(key);
  }

  /** Inserts as the newest entry, after dropping expired ones and, beyond the bound, the oldest. */
  set(key: string, entry: CachedToken<S>, now: number) {
    this.entries.delete(key);
    for (const [k, e] of this.entries) {
      if (e.session && e.session.expiresAt <= now) this.entries.delete(k);
    }
    for (const k of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
    this.entries.set(key, entry);
  }

  /** Removes `key`, only if it still holds `entry` (a newer login may have replaced it). */
  delete(key: string, entry: CachedToken<S>) {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }
}
