/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Deterministic stand-ins for the random values controllers and OpenStack
// generate: everything is derived from a hash of the names involved.

import { createHash } from 'node:crypto';

function digest(parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** A version-4-shaped UUID derived from the parts. */
export function uuidFor(...parts: string[]): string {
  const b = Buffer.from(digest(parts).subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20)}`;
}

export function hexFor(length: number, ...parts: string[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += digest([...parts, String(i)]).toString('hex');
  }
  return out.slice(0, length);
}

function charsFrom(alphabet: string, length: number, parts: string[]): string {
  const bytes = digest(parts);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Like the 5-character suffixes of Kubernetes' name generator. */
export function randomSuffix(...parts: string[]): string {
  return charsFrom('bcdfghjklmnpqrstvwxz2456789', 5, parts);
}

export function lowerAlnum(length: number, ...parts: string[]): string {
  return charsFrom('abcdefghijklmnopqrstuvwxyz0123456789', length, parts);
}

/** An integer in [0, max). */
export function intFor(max: number, ...parts: string[]): number {
  return digest(parts).readUInt32BE(0) % max;
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
