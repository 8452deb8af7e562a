/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import path from 'node:path';

/** The repository root (this package lives in packages/e2e-tests). */
// Never bundled: this package runs from source in the repository only.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../..');

/** Screenshots and logs of a run (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
