/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { checkDnsLabel, isDnsLabel, isDnsSubdomain, isKubernetesVersion, isPoolName } from './validation';

describe('checkDnsLabel', () => {
  it.each(['a', 'team-a', 'kube-ab12c', 'x'.repeat(63)])('accepts %s', name => {
    expect(checkDnsLabel('name', name)).toBeUndefined();
  });

  it.each([
    ['', 'name is required'],
    ['Team', 'must consist of lower case'],
    ['-a', 'must consist of lower case'],
    ['a_b', 'must consist of lower case'],
    ['x'.repeat(64), 'at most 63 characters'],
  ])('rejects "%s"', (name, message) => {
    expect(checkDnsLabel('spec.name', name)).toContain(message);
  });

  it('names the field', () => {
    expect(checkDnsLabel('workers[1].name', 'A')).toMatch(/^workers\[1\]\.name/);
  });
});

describe('name and version rules', () => {
  it('isDnsLabel: at most 63 characters, no dots', () => {
    expect(['a', 'team-a', 'x'.repeat(63)].map(isDnsLabel)).toEqual([true, true, true]);
    expect(['', 'a.b', 'A', '-a', 'a-', 'x'.repeat(64)].map(isDnsLabel)).toEqual([false, false, false, false, false, false]);
  });

  it('isDnsSubdomain and isPoolName: dots allowed, at most 253 characters', () => {
    expect(['md-0', 'pool.a', 'x'.repeat(253)].map(isDnsSubdomain)).toEqual([true, true, true]);
    expect(['', '.a', 'a.', 'Md', 'a_b', 'x'.repeat(254)].map(isPoolName)).toEqual([false, false, false, false, false, false]);
  });

  it('isKubernetesVersion: v<major>.<minor>.<patch> only', () => {
    expect(['v1.31.4', 'v1.30.10'].map(isKubernetesVersion)).toEqual([true, true]);
    expect(['1.31.4', 'v1.31', 'v1.31.4-rc.0', ''].map(isKubernetesVersion)).toEqual([false, false, false, false]);
  });
});
