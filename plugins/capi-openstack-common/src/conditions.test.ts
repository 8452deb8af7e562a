/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { findCondition, NEGATIVE_POLARITY, OPERATION_CONDITION_TYPES } from './conditions';

describe('conditions', () => {
  it('finds a condition by type', () => {
    const list = [
      { type: 'Ready', status: 'True' },
      { type: 'Paused', status: 'False' },
    ];
    expect(findCondition(list, 'Paused')).toBe(list[1]);
    expect(findCondition(list, 'Available')).toBeUndefined();
    expect(findCondition(undefined, 'Ready')).toBeUndefined();
  });

  it('knows which types are true while something is happening', () => {
    expect(NEGATIVE_POLARITY.has('RollingOut')).toBe(true);
    expect(NEGATIVE_POLARITY.has('Updating')).toBe(true);
    expect(NEGATIVE_POLARITY.has('Available')).toBe(false);
    expect([...NEGATIVE_POLARITY]).toEqual([...OPERATION_CONDITION_TYPES, 'Updating']);
  });
});
