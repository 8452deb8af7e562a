/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { retryConflicts } from './retryConflicts';

const conflict = () => Object.assign(new Error('Cluster c1 was changed since you loaded it'), { statusCode: 409 });
const logger = { info: jest.fn() };

describe('retryConflicts', () => {
  it('tries again after a 409 and answers the first success', async () => {
    const fn = jest.fn().mockRejectedValueOnce(conflict()).mockResolvedValueOnce('done');
    await expect(retryConflicts(fn, logger, { delayMs: 1 })).resolves.toBe('done');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    const always = jest.fn().mockRejectedValue(conflict());
    await expect(retryConflicts(always, logger, { attempts: 3, delayMs: 1 })).rejects.toThrow(/changed since you loaded it/);
    expect(always).toHaveBeenCalledTimes(3);
    const invalid = jest.fn().mockRejectedValue(Object.assign(new Error('replicas: must be odd'), { statusCode: 422 }));
    await expect(retryConflicts(invalid, logger, { delayMs: 1 })).rejects.toThrow('replicas: must be odd');
    expect(invalid).toHaveBeenCalledTimes(1);
  });
});
