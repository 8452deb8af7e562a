/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The backend as the create form's fields and validators reach it: fetch and
// discovery APIs, an ApiHolder, and the errors of a validator.

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';

/** A JSON response as the backend sends it. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Fetch and discovery APIs of a backend that answers every request with `response()`. */
export function backendApis(response: () => Response) {
  const fetchApi = { fetch: jest.fn(async () => response()) };
  const discoveryApi = { getBaseUrl: async (id: string) => `http://backend/api/${id}` };
  return { fetchApi, discoveryApi };
}

/** Those APIs as `[ref, implementation]` pairs (TestApiProvider, apiHolder). */
export function apiPairs(apis: ReturnType<typeof backendApis>) {
  return [
    [fetchApiRef, apis.fetchApi],
    [discoveryApiRef, apis.discoveryApi],
  ] as const;
}

/** An ApiHolder over `[ref, implementation]` pairs, for validators. */
export function apiHolder(pairs: ReadonlyArray<readonly [{ id: string }, unknown]>): any {
  const byId = Object.fromEntries(pairs.map(([ref, impl]) => [ref.id, impl]));
  return { get: (ref: { id: string }) => byId[ref.id] };
}

/** The errors `validator` adds for each of `values` in turn, in `context`. */
export async function validationErrors<T>(validator: CustomFieldValidator<T, any>, values: T[], context: object) {
  const errors: string[] = [];
  const validation = { addError: (e: string) => errors.push(e) } as any;
  for (const value of values) await validator(value, validation, context as any);
  return errors;
}
