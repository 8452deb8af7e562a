/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { checkDnsLabel } from './validation';

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
