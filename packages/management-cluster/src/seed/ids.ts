/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Deterministic stand-ins for the random values controllers and OpenStack
// generate: everything is derived from a hash of the names involved. UUIDs
// and integers are the common package's, shared with the simulator.

import {
  digestOf,
  toHex,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export {
  intFor,
  uuidFor,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export function hexFor(length: number, ...parts: string[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += toHex(digestOf([...parts, String(i)]));
  }
  return out.slice(0, length);
}

function charsFrom(alphabet: string, length: number, parts: string[]): string {
  const bytes = digestOf(parts);
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

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
