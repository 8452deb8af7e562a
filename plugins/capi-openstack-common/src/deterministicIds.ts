/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Stable stand-ins for the random values controllers and OpenStack generate
// (UIDs, server ids, picks), derived from a hash of the names involved: the
// demo seed and the simulator produce the same values across restarts.

import { sha256, toHex } from './sha256';

/** The SHA-256 digest of the parts joined by NUL. @public */
export function digestOf(parts: string[]): Uint8Array {
  return sha256(parts.join('\u0000'));
}

/** A version-4-shaped UUID derived from the parts. @public */
export function uuidFor(...parts: string[]): string {
  const b = digestOf(parts).slice(0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An integer in [0, max) derived from the parts. @public */
export function intFor(max: number, ...parts: string[]): number {
  const d = digestOf(parts);
  return (((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0) % max;
}
