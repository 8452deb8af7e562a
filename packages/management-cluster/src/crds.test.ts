/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CRD_SETS, CrdSetName, ensureCrds, parseCrdSetName } from './crds';
import { repoRoot } from './paths';

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// The reference copy of the released CRDs that sits beside the repository in
// this project's workspace and CI (`../shared/crds`). A user's clone has none.
const referenceDir =
  process.env.CAPI_OPENSTACK_REFERENCE_CRDS ?? path.resolve(repoRoot, '..', 'shared', 'crds');
const haveReference = fs.existsSync(referenceDir);

describe('CRD sets', () => {
  it('parses set names and versions', () => {
    expect(parseCrdSetName(undefined)).toBe('capi-v1.14');
    expect(parseCrdSetName('v1.10.10')).toBe('capi-v1.10');
    expect(parseCrdSetName('capi-v1.14')).toBe('capi-v1.14');
    expect(() => parseCrdSetName('v1.9.0')).toThrow(/Unknown CRD set "v1.9.0"/);
  });

  it.each(Object.keys(CRD_SETS) as CrdSetName[])(
    '%s resolves the CAPI core, kubeadm and CAPO CRDs from Go modules',
    async set => {
      const files = await ensureCrds(set, () => {});
      const names = files.map(f => f.file);
      expect(names).toEqual(
        expect.arrayContaining([
          'cluster.x-k8s.io_clusters.yaml',
          'cluster.x-k8s.io_machinedeployments.yaml',
          'controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml',
          'bootstrap.cluster.x-k8s.io_kubeadmconfigs.yaml',
          'infrastructure.cluster.x-k8s.io_openstackclusters.yaml',
          'infrastructure.cluster.x-k8s.io_openstackservers.yaml',
        ]),
      );
      expect(new Set(names).size).toBe(names.length);
    },
    300_000,
  );
});

// Runs wherever the reference copy exists, which includes CI; a missing copy
// in CI is an error, not a reason to pass.
if (haveReference || process.env.CI) {
  describe('CRDs installed match the reference copy', () => {
    it.each(Object.keys(CRD_SETS) as CrdSetName[])(
      '%s is byte-identical to ../shared/crds',
      async set => {
        expect(fs.existsSync(referenceDir)).toBe(true);
        const files = await ensureCrds(set, () => {});
        const groups = [...new Set(files.map(f => f.group))];
        for (const group of groups) {
          const ours = files.filter(f => f.group === group);
          const reference = fs
            .readdirSync(path.join(referenceDir, group))
            .filter(f => f.endsWith('.yaml'))
            .sort();
          expect(ours.map(f => f.file).sort()).toEqual(reference);
          for (const f of ours) {
            expect({ file: `${group}/${f.file}`, sha: sha256(f.path) }).toEqual({
              file: `${group}/${f.file}`,
              sha: sha256(path.join(referenceDir, group, f.file)),
            });
          }
        }
      },
      300_000,
    );
  });
}
