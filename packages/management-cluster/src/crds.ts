/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { kustomizationLabels, kustomizationPatchPaths } from './controllers/manifests';
import { downloadModule, findGo } from './go';
import { cacheDir, Logger } from '@internal/test-support';
import { stderrLogger } from './paths';

/**
 * The CRD sets a local management cluster can be started with.
 * - `capi-v1.14`: CAPI v1.14.0 (v1beta2 storage) + CAPO v0.14.7 — the default.
 * - `capi-v1.10`: CAPI v1.10.10 (v1beta1 storage, what Magnum's driver and
 *   older management clusters use) + CAPO v0.14.7.
 */
export type CrdSetName = 'capi-v1.14' | 'capi-v1.10';

export const DEFAULT_CRD_SET: CrdSetName = 'capi-v1.14';

interface ModuleCrds {
  module: string;
  version: string;
  /** Folders inside the module holding the CRD bases. */
  folders: string[];
}

const CAPO: ModuleCrds = {
  module: 'sigs.k8s.io/cluster-api-provider-openstack',
  version: 'v0.14.7',
  folders: ['config/crd/bases'],
};

export const CRD_SETS: Record<CrdSetName, { capi: ModuleCrds; capo: ModuleCrds }> = {
  'capi-v1.14': {
    capi: {
      module: 'sigs.k8s.io/cluster-api',
      version: 'v1.14.0',
      folders: [
        'core/config/crd/bases',
        'bootstrap/kubeadm/config/crd/bases',
        'controlplane/kubeadm/config/crd/bases',
      ],
    },
    capo: CAPO,
  },
  'capi-v1.10': {
    capi: {
      module: 'sigs.k8s.io/cluster-api',
      version: 'v1.10.10',
      folders: [
        'config/crd/bases',
        'bootstrap/kubeadm/config/crd/bases',
        'controlplane/kubeadm/config/crd/bases',
      ],
    },
    capo: CAPO,
  },
};

/** Accepts `capi-v1.14`, `v1.14.0`, `1.10` and the like. */
export function parseCrdSetName(value: string | undefined): CrdSetName {
  if (!value) return DEFAULT_CRD_SET;
  const m = /(\d+)\.(\d+)/.exec(value);
  const name = m ? `capi-v${m[1]}.${m[2]}` : value;
  if (!(name in CRD_SETS)) {
    throw new Error(
      `Unknown CRD set "${value}": use one of ${Object.keys(CRD_SETS).join(', ')} (or v1.14.0 / v1.10.10)`,
    );
  }
  return name as CrdSetName;
}

export interface CrdFile {
  /** `<module>@<version>/<folder>/<file>` for messages. */
  source: string;
  /** Which reference folder it corresponds to (cluster-api/v1.14.0, ...). */
  group: string;
  file: string;
  path: string;
  /** `<module>@<version>`, and the component's folder in it (`core`, `controlplane/kubeadm`, ``). */
  module: string;
  component: string;
  /** The labels the component's CRD kustomization sets (the contract versions, read by CAPI). */
  labels: Record<string, string>;
  /** `spec.conversion` of the kustomization's `webhook_in_*` patch, for CRDs with a conversion webhook. */
  conversion?: unknown;
}

/** Labels and conversion patches of the kustomization beside a `bases` folder. */
function readKustomization(basesDir: string) {
  const dir = path.dirname(basesDir);
  const file = path.join(dir, 'kustomization.yaml');
  if (!fs.existsSync(file)) return { labels: {}, conversions: new Map<string, unknown>() };
  const kustomization = yaml.load(fs.readFileSync(file, 'utf8'));
  const conversions = new Map<string, unknown>();
  for (const rel of kustomizationPatchPaths(kustomization)) {
    if (!/webhook_in_/.test(rel)) continue;
    const patch: any = yaml.load(fs.readFileSync(path.join(dir, rel), 'utf8'));
    if (patch?.spec?.conversion) conversions.set(patch.metadata.name, patch.spec.conversion);
  }
  return { labels: kustomizationLabels(kustomization), conversions };
}

/**
 * Resolves the CRD files of a set from the released Go modules (downloaded
 * once through the Go module proxy into the module cache).
 */
export async function ensureCrds(
  set: CrdSetName = DEFAULT_CRD_SET,
  log: Logger = stderrLogger,
): Promise<CrdFile[]> {
  const go = await findGo();
  const files: CrdFile[] = [];
  for (const [kind, mod] of Object.entries(CRD_SETS[set])) {
    const { dir } = await downloadModule(go, mod.module, mod.version, log, cacheDir());
    const group = `${kind === 'capi' ? 'cluster-api' : 'cluster-api-provider-openstack'}/${mod.version}`;
    for (const folder of mod.folders) {
      const abs = path.join(dir, folder);
      const { labels, conversions } = readKustomization(abs);
      for (const file of fs.readdirSync(abs).sort()) {
        if (!file.endsWith('.yaml')) continue;
        const crd: any = yaml.load(fs.readFileSync(path.join(abs, file), 'utf8'));
        files.push({
          source: `${mod.module}@${mod.version}/${folder}/${file}`,
          group,
          file,
          path: path.join(abs, file),
          module: `${mod.module}@${mod.version}`,
          component: folder.replace(/\/?config\/crd\/bases$/, ''),
          labels,
          conversion: conversions.get(crd?.metadata?.name),
        });
      }
    }
  }
  return files;
}
