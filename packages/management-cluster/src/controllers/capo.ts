/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { cacheDir, KubeObject, Logger } from '@internal/test-support';
import { goBuild, isExecutable, pinAndTidy, versionLdflags, wrapperDir } from '../binaries';
import { downloadModule, findGo } from '../go';
import { stderrLogger } from '../paths';
import type { ControllerComponent } from './components';
import { featureGates, LocalEndpoints, localManagerArgs, managerArgs } from './manifests';

/**
 * The OpenStack infrastructure provider (CAPO): the root of its released
 * module is the manager's `package main`, its `config/` folder at the root.
 * v0.14.7 is the release whose CRDs the management cluster installs.
 */
export const CAPO_MODULE = 'sigs.k8s.io/cluster-api-provider-openstack';
export const CAPO_VERSION = 'v0.14.7';

/** Names the folder holding a prebuilt `capo-controller-manager`. */
export const CAPO_DIR_ENV = 'CAPI_OPENSTACK_CAPO_DIR';

/** CAPO as a component beside CONTROLLER_COMPONENTS (same fields, its own name). */
export interface CapoComponent extends Omit<ControllerComponent, 'name'> {
  name: 'capo';
}

export const CAPO_COMPONENT: CapoComponent = {
  name: 'capo',
  goPackage: CAPO_MODULE,
  binary: 'capo-controller-manager',
  folder: '',
};

/**
 * The variables `clusterctl init` substitutes in CAPO's manager arguments:
 * none set, so its feature gates keep the manifest's defaults
 * (PriorityQueue=false, AutoScaleFromZero=false).
 */
export const CAPO_CLUSTERCTL_VARIABLES: Record<string, string> = {};

/**
 * CAPO's manager: from CAPI_OPENSTACK_CAPO_DIR when it holds one, otherwise
 * built once from the released module into the per-user cache (~4 min on 2
 * cores).
 */
export async function ensureCapoBinary(log: Logger = stderrLogger): Promise<string> {
  const given = process.env[CAPO_DIR_ENV];
  if (given) {
    const binary = path.join(given, CAPO_COMPONENT.binary);
    if (isExecutable(binary)) return binary;
    log(`${CAPO_DIR_ENV}=${given} does not hold ${CAPO_COMPONENT.binary}; building it instead`);
  }
  const binary = path.join(cacheDir(), 'bin', `cluster-api-provider-openstack-${CAPO_VERSION}`, CAPO_COMPONENT.binary);
  if (!isExecutable(binary)) await buildCapo(binary, log);
  return binary;
}

/**
 * `go mod tidy` also resolves the imports of the module's tests, and its
 * controller tests import `sigs.k8s.io/cluster-api/test`, whose v1.12.10 the
 * Go module proxy does not serve (403 "This module version is not
 * available"): the wrapper tidies with `-e`, the manager does not need it.
 */
async function buildCapo(output: string, log: Logger) {
  const go = await findGo();
  log(`building the CAPO ${CAPO_VERSION} manager from Go modules (first run only: about 4 minutes on 2 cores)`);
  const dir = wrapperDir(`cluster-api-provider-openstack-${CAPO_VERSION}`);
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    ['module local/cluster-api-provider-openstack-wrapper', '', 'go 1.24.0', '', `require ${CAPO_MODULE} ${CAPO_VERSION}`, ''].join('\n'),
  );
  log('  resolving modules (go mod tidy -e)');
  await pinAndTidy(go, dir, [CAPO_COMPONENT.goPackage], { tolerateErrors: true });
  await goBuild(go, dir, CAPO_COMPONENT.goPackage, output, log, versionLdflags(`${CAPO_MODULE}/version`, CAPO_VERSION));
}

/** What prepareControllers needs to run CAPO beside the CAPI managers. */
export interface PreparedCapo {
  binary: string;
  /** The module folder (holds `config/`). */
  dir: string;
  endpoints: LocalEndpoints;
  args: string[];
  featureGates: Record<string, boolean>;
  /** `<module>@<version>`, as crds.ts names the CRD files' module. */
  module: string;
  /**
   * CRDs CAPO needs beyond its own: ORC's Image (CAPO watches it and its
   * controllers do not start without it: "no matches for kind \"Image\" in
   * version \"openstack.k-orc.cloud/v1alpha1\"", then "Could not wait for
   * Cache to sync" after 2 min), at the ORC release CAPO's go.mod requires.
   */
  crds: KubeObject[];
}

export const ORC_MODULE = 'github.com/k-orc/openstack-resource-controller/v2';

/** ORC's Image CRD of the ORC release `capoGoMod` requires. */
async function orcImageCrd(go: string, capoGoMod: string, log: Logger): Promise<KubeObject> {
  const escaped = ORC_MODULE.replace(/[./]/g, c => `\\${c}`);
  const m = new RegExp(`^\\s*${escaped}\\s+(v\\S+)`, 'm').exec(fs.readFileSync(capoGoMod, 'utf8'));
  if (!m) throw new Error(`${capoGoMod} does not require ${ORC_MODULE}`);
  const orc = await downloadModule(go, ORC_MODULE, m[1], log, cacheDir());
  return yaml.load(
    fs.readFileSync(path.join(orc.dir, 'config/crd/bases/openstack.k-orc.cloud_images.yaml'), 'utf8'),
  ) as KubeObject;
}

/** Builds (or finds) the manager and picks its loopback ports. */
export async function prepareCapo(options: {
  certDir: string;
  log: Logger;
  /** Webhook, health and metrics ports, picked with the other managers' (freePorts). */
  ports: number[];
}): Promise<PreparedCapo> {
  const go = await findGo();
  const [binary, mod] = await Promise.all([
    ensureCapoBinary(options.log),
    downloadModule(go, CAPO_MODULE, CAPO_VERSION, options.log, cacheDir()),
  ]);
  const orcImage = await orcImageCrd(go, mod.goMod, options.log);
  const deployment = yaml.load(fs.readFileSync(path.join(mod.dir, 'config/manager/manager.yaml'), 'utf8'));
  const fromManifest = managerArgs(deployment, CAPO_CLUSTERCTL_VARIABLES);
  const [webhookPort, healthPort, metricsPort] = options.ports;
  const endpoints: LocalEndpoints = { webhookPort, webhookCertDir: options.certDir, healthPort, metricsPort };
  return {
    binary,
    dir: mod.dir,
    endpoints,
    args: localManagerArgs(fromManifest, endpoints),
    featureGates: featureGates(fromManifest),
    module: `${CAPO_MODULE}@${CAPO_VERSION}`,
    crds: [orcImage],
  };
}
