/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Benchmark helpers; the benchmark itself is src/bench.ts (`npm run bench`).

export { seedFleet } from './seedFleet';
export type { SeedFleetOptions, SeedFleetResult } from './seedFleet';
export { runLoad, percentile, openStream, getJson } from './load';
export type { LoadResult, SseEvent, SseStream } from './load';
export { perRequestList, measurePerRequestList } from './perRequestList';
