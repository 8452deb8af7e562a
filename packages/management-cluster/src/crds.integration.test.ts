/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CRD_SETS, CrdSetName, ensureCrds, parseCrdSetName } from './crds';

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// SHA-256 of every released CRD file the sets install, recorded when the
// versions were pinned (`crds.sha256.json`): a changed module, proxy or
// extraction shows up here instead of as a puzzling schema difference.
const recorded: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'crds.sha256.json'), 'utf8'),
);

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

describe('CRDs installed match the released files', () => {
  it.each(Object.keys(CRD_SETS) as CrdSetName[])(
    '%s installs exactly the recorded files, byte for byte (SHA-256)',
    async set => {
      const files = await ensureCrds(set, () => {});
      const groups = new Set(files.map(f => f.group));
      const expected = Object.entries(recorded).filter(([k]) => groups.has(k.slice(0, k.lastIndexOf('/'))));
      const actual = files.map(f => [`${f.group}/${f.file}`, sha256(f.path)] as const);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
      expect(expected.length).toBeGreaterThanOrEqual(20);
    },
    300_000,
  );
});
