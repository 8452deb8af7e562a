/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createHash } from 'node:crypto';
import { intFor, uuidFor } from './deterministicIds';

const digest = (parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();

describe('deterministic ids', () => {
  it('derives a version-4-shaped UUID from the hash of the parts', () => {
    const id = uuidFor('cluster', 'team-a', 'pay-prod');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe(digest(['cluster', 'team-a', 'pay-prod']).toString('hex').slice(0, 12));
    expect(uuidFor('cluster', 'team-a', 'pay-prod')).toBe(id);
    expect(uuidFor('cluster', 'team-a', 'pay-dev')).not.toBe(id);
  });

  it('derives integers from the first 32 bits of the hash', () => {
    for (const parts of [['a'], ['md-0', 'x'], ['ü', '']]) {
      expect(intFor(4_000_000_000, ...parts)).toBe(digest(parts).readUInt32BE(0) % 4_000_000_000);
      expect(intFor(7, ...parts)).toBe(digest(parts).readUInt32BE(0) % 7);
    }
  });
});
