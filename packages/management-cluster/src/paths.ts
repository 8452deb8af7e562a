/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import path from 'node:path';
import { Logger, repoRoot, stderrLogger as named } from '@internal/test-support';

/** Where `npm start` writes the local management cluster's kubeconfig. */
export const localDir = path.join(repoRoot, '.local', 'management-cluster');

export const stderrLogger: Logger = named('management-cluster');
