/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { SeedOwner } from './types';

export function owner(
  apiVersion: string,
  kind: string,
  name: string,
  controller = true,
): SeedOwner {
  return {
    apiVersion,
    kind,
    name,
    ...(controller ? { controller: true } : {}),
  };
}
