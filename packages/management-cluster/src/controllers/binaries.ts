/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, Logger } from '@internal/test-support';
import { goBuild, isExecutable, pinAndTidy, versionLdflags, wrapperDir } from '../binaries';
import { findGo } from '../go';
import { stderrLogger } from '../paths';
import {
  CAPI_CONTROLLERS_VERSION,
  CAPI_MODULE,
  CONTROLLER_COMPONENTS,
  ControllerComponent,
} from './components';

/** Names the folder of prebuilt controllers (the binary names of CONTROLLER_COMPONENTS). */
export const CONTROLLERS_DIR_ENV = 'CAPI_OPENSTACK_CONTROLLERS_DIR';

export interface ControllerBinaries {
  /** Binary path per component name. */
  paths: Record<ControllerComponent['name'], string>;
  source: typeof CONTROLLERS_DIR_ENV | 'cache';
}

function pathsIn(dir: string) {
  return Object.fromEntries(
    CONTROLLER_COMPONENTS.map(c => [c.name, path.join(dir, c.binary)]),
  ) as ControllerBinaries['paths'];
}

/**
 * The three CAPI controller managers of CAPI_CONTROLLERS_VERSION: from
 * CAPI_OPENSTACK_CONTROLLERS_DIR when it holds all three, otherwise built from
 * the released Go module into the per-user cache (once; ~6 min on 2 cores).
 */
export async function ensureControllerBinaries(log: Logger = stderrLogger): Promise<ControllerBinaries> {
  const given = process.env[CONTROLLERS_DIR_ENV];
  if (given) {
    const paths = pathsIn(given);
    if (Object.values(paths).every(isExecutable)) return { paths, source: CONTROLLERS_DIR_ENV };
    log(`${CONTROLLERS_DIR_ENV}=${given} does not hold ${CONTROLLER_COMPONENTS.map(c => c.binary).join(', ')}; building them instead`);
  }
  const dir = path.join(cacheDir(), 'bin', `cluster-api-${CAPI_CONTROLLERS_VERSION}`);
  const paths = pathsIn(dir);
  const missing = CONTROLLER_COMPONENTS.filter(c => !isExecutable(paths[c.name]));
  if (missing.length) await buildControllers(missing, paths, log);
  return { paths, source: 'cache' };
}

/**
 * The module's own go.mod replaces `sigs.k8s.io/cluster-api/api` with its
 * `./api` folder, which a dependent module ignores: the wrapper points it at
 * the published submodule of the same version.
 */
async function buildControllers(
  components: ControllerComponent[],
  paths: ControllerBinaries['paths'],
  log: Logger,
) {
  const go = await findGo();
  log(
    `building the Cluster API ${CAPI_CONTROLLERS_VERSION} controllers (${components
      .map(c => c.binary)
      .join(', ')}) from Go modules (first run only: about 6 minutes on 2 cores)`,
  );
  const dir = wrapperDir(`cluster-api-${CAPI_CONTROLLERS_VERSION}`);
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    [
      'module local/cluster-api-wrapper',
      '',
      'go 1.24.0',
      '',
      `require ${CAPI_MODULE} ${CAPI_CONTROLLERS_VERSION}`,
      '',
      `replace ${CAPI_MODULE}/api => ${CAPI_MODULE}/api ${CAPI_CONTROLLERS_VERSION}`,
      '',
    ].join('\n'),
  );
  log('  resolving modules (go mod tidy)');
  await pinAndTidy(go, dir, components.map(c => c.goPackage));
  // One after the other: the second and third reuse the first's compiled packages.
  const ldflags = versionLdflags(`${CAPI_MODULE}/version`, CAPI_CONTROLLERS_VERSION);
  for (const c of components) await goBuild(go, dir, c.goPackage, paths[c.name], log, ldflags);
}
