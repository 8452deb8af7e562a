/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { validateBounds, validateConfirmName, validateExpiryDays, validateFlavor, validateReplicas } from './validation';

describe('dialog validation', () => {
  it('requires odd control plane replicas of at least one', () => {
    expect(validateReplicas('3', { controlPlane: true })).toBeUndefined();
    expect(validateReplicas('4', { controlPlane: true })).toMatch(/odd/);
    expect(validateReplicas('0', { controlPlane: true })).toMatch(/at least 1/);
    expect(validateReplicas('0', { controlPlane: false })).toBeUndefined();
    expect(validateReplicas('-1', { controlPlane: false })).toMatch(/whole number/);
    expect(validateReplicas('2.5', { controlPlane: false })).toMatch(/whole number/);
    expect(validateReplicas('11', { controlPlane: false, max: 10 })).toBe('At most 10 replicas.');
  });

  it('checks autoscaler bounds', () => {
    expect(validateBounds('1', '5')).toBeUndefined();
    expect(validateBounds('6', '5')).toMatch(/minimum/);
    expect(validateBounds('0', '0')).toMatch(/at least 1/);
    expect(validateBounds('', '5')).toMatch(/whole numbers/);
  });

  it('checks flavor names and refuses the current one', () => {
    expect(validateFlavor('m1.large', 'm1.medium')).toBeUndefined();
    expect(validateFlavor('m1.medium', 'm1.medium')).toMatch(/already/);
    expect(validateFlavor('  ')).toMatch(/Enter/);
    expect(validateFlavor('bad flavor')).toMatch(/letters/);
  });

  it('requires at least 7 days for automatic certificate rotation', () => {
    expect(validateExpiryDays('21')).toBeUndefined();
    expect(validateExpiryDays('6')).toMatch(/At least 7 days/);
    expect(validateExpiryDays('x')).toMatch(/whole number/);
  });

  it('requires the exact cluster name to delete', () => {
    expect(validateConfirmName('alpha', 'alpha')).toBeUndefined();
    expect(validateConfirmName('Alpha', 'alpha')).toBe('Type alpha to confirm.');
  });
});
