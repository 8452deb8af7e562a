/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { surgeOf } from './requirements';

describe('surgeOf', () => {
  it('reads maxSurge as a number or a percentage of the replicas (rounded up), at least 1', () => {
    expect(surgeOf(undefined, 5)).toBe(1);
    expect(surgeOf({ rollingUpdate: { maxSurge: 3 } }, 5)).toBe(3);
    expect(surgeOf({ rollingUpdate: { maxSurge: '25%' } }, 10)).toBe(3);
    expect(surgeOf({ rollingUpdate: { maxSurge: 0 } }, 5)).toBe(1);
    expect(surgeOf({ rollingUpdate: { maxSurge: 'lots' } }, 5)).toBe(1);
  });
});
