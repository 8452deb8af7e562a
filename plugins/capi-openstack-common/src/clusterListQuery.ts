/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { Verdict } from './types';

/** Filters, sorting and paging of `GET /clusters`. @public */
export interface ClusterListQuery {
  managementCluster?: string[];
  namespace?: string[];
  verdict?: Verdict[];
  owner?: string[];
  search?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** `?a=1&b=2` of a query (arrays as repeated keys; empty values left out), or ''. @public */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach(v => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
