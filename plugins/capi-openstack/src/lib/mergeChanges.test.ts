/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { managementCluster, summary } from '../__testUtils__/fixtures';
import { mergeChanges, mergeManagementClusters } from './mergeChanges';

describe('mergeChanges', () => {
  const a = summary({ name: 'a' });
  const b = summary({ name: 'b' });
  const c = summary({ name: 'c' });

  it('replaces a changed row in place and keeps the other row objects', () => {
    const b2 = { ...b, verdict: 'Degraded' as const };
    const { rows, outsidePage } = mergeChanges([a, b, c], { upserted: [b2], removed: [], managementClusters: [] });
    expect(rows.map(r => r.name)).toEqual(['a', 'b', 'c']);
    expect(rows[1]).toBe(b2);
    expect(rows[0]).toBe(a);
    expect(outsidePage).toBe(false);
  });

  it('drops removed rows and flags clusters not on the page', () => {
    const other = summary({ name: 'z', namespace: 'elsewhere' });
    const result = mergeChanges([a, b], { upserted: [other], removed: [b], managementClusters: [] });
    expect(result.rows.map(r => r.name)).toEqual(['a']);
    expect(result.outsidePage).toBe(true);
  });

  it('returns the same array when nothing on the page changed', () => {
    const rows = [a, b];
    expect(mergeChanges(rows, { upserted: [], removed: [], managementClusters: [] }).rows).toBe(rows);
  });

  it('merges management cluster states by name', () => {
    const one = managementCluster({ name: 'one' });
    const two = managementCluster({ name: 'two' });
    const stale = managementCluster({ name: 'two', state: 'stale' });
    expect(mergeManagementClusters([one, two], [stale])).toEqual([one, stale]);
    const list = [one];
    expect(mergeManagementClusters(list, [])).toBe(list);
  });
});
