/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';

/** File name of one manifest: `<kind>-<name>.yaml`, lower case. */
export function manifestFileName(m: { kind: string; metadata: { name: string } }): string {
  return `${m.kind.toLowerCase()}-${m.metadata.name}.yaml`;
}

/**
 * Writes one YAML file per object and a kustomization.yaml listing them (in
 * apply order) below `dir` of the workspace, ready for a `publish:*` action.
 * Answers the folder relative to the workspace.
 */
export async function writeManifests(
  workspacePath: string,
  dir: string,
  manifests: Array<Record<string, any>>,
): Promise<{ path: string; files: string[] }> {
  const target = resolveSafeChildPath(workspacePath, dir);
  await fs.mkdir(target, { recursive: true });
  const files: string[] = [];
  for (const m of manifests) {
    const file = manifestFileName(m as any);
    await fs.writeFile(path.join(target, file), yaml.stringify(m), 'utf8');
    files.push(file);
  }
  await fs.writeFile(
    path.join(target, 'kustomization.yaml'),
    yaml.stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: files }),
    'utf8',
  );
  return { path: path.relative(workspacePath, target) || '.', files: [...files, 'kustomization.yaml'] };
}
