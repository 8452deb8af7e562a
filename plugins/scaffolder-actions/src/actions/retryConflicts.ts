/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Runs a lifecycle write, again after a 409: the actions send no
 * resourceVersion, so the backend uses the one in its cache, which can lag
 * a moment behind the controllers' writes (a real conflict keeps failing and
 * is reported after the last attempt).
 */
export async function retryConflicts<T>(
  fn: () => Promise<T>,
  logger: Pick<LoggerService, 'info'>,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 409 || attempt >= attempts) throw e;
      logger.info(`${(e as Error).message}; trying again (${attempt}/${attempts - 1})`);
      await sleep((options.delayMs ?? 500) * attempt);
    }
  }
}
