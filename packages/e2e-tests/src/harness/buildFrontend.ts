/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The frontend under test. Default: a production build of packages/app
// (`backstage-cli package build`, into packages/app/dist) that the backend's
// app plugin serves on the backend's port, with the runtime config (base
// URLs) injected at serve time. Measured on 2 busy cores it is ready sooner
// than the webpack dev server, whose first page also compiles on request,
// and it serves fixed files (no rebuilds when someone edits the shared tree).
// CAPI_OPENSTACK_E2E_FRONTEND=dev uses the dev server instead;
// CAPI_OPENSTACK_E2E_REUSE_BUILD=1 keeps an existing packages/app/dist
// (iterating on the tests, not on the UI).

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, supervise, tail } from '@internal/test-support';

export type FrontendMode = 'build' | 'dev';

export interface FrontendBuild {
  done: Promise<void>;
  stop(): Promise<void>;
}

export function buildFrontend(options: {
  logFile: string;
  log: (m: string) => void;
}): FrontendBuild {
  const appDir = path.join(repoRoot, 'packages/app');
  if (
    process.env.CAPI_OPENSTACK_E2E_REUSE_BUILD === '1' &&
    fs.existsSync(path.join(appDir, 'dist', 'index.html'))
  ) {
    options.log('reusing packages/app/dist (CAPI_OPENSTACK_E2E_REUSE_BUILD=1)');
    return { done: Promise.resolve(), stop: async () => {} };
  }
  const build = supervise(
    'frontend build',
    path.join(repoRoot, 'node_modules', '.bin', 'backstage-cli'),
    ['package', 'build'],
    {
      cwd: appDir,
      logFile: options.logFile,
      // Rspack rejects the app's production browserslist query (">0.2%, not
      // dead, not op_mini all": "cannot parse the browserslist query");
      // the development one (latest Chrome, Firefox, Safari) covers chromium.
      env: { ...process.env, BROWSERSLIST_ENV: 'development' },
    },
  );
  const done = build.exited.then(code => {
    if (code !== 0) {
      throw new Error(
        `frontend build failed (${code}):\n${tail(options.logFile)}`,
      );
    }
  });
  // Awaited later; a failure meanwhile must not be an unhandled rejection.
  done.catch(() => {});
  return { done, stop: () => build.stop() };
}
