/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import path from 'node:path';
import { repoRoot } from '@internal/test-support';

/** Screenshots and logs of a run (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
