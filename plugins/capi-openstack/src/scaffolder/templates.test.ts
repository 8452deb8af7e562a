/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The test (not the plugin) reads the repository's example templates from disk.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import * as plugin from '../index';

const TEMPLATES = path.resolve(__dirname, '../../../../examples/templates');

describe('example templates', () => {
  it('use only field extensions the plugin exports, and the cloud pickers where they ask for cloud resources', () => {
    const exported = Object.keys(plugin)
      .filter(k => /^Capi\w+PickerFieldExtension$/.test(k))
      .map(k => k.replace(/FieldExtension$/, ''));
    const used = new Map<string, string[]>();
    for (const file of fs.readdirSync(TEMPLATES).filter(f => f.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(TEMPLATES, file), 'utf8');
      used.set(file, [...text.matchAll(/ui:field: (Capi\w+)/g)].map(m => m[1]));
    }
    const all = [...used.values()].flat();
    expect(all.filter(f => !exported.includes(f))).toEqual([]);
    expect(new Set(used.get('gitops-manifests.yaml'))).toEqual(
      new Set([
        'CapiManagementClusterPicker',
        'CapiNamespacePicker',
        'CapiKubernetesVersionPicker',
        'CapiImagePicker',
        'CapiFlavorPicker',
        'CapiNetworkPicker',
        'CapiKeyPairPicker',
        'CapiAvailabilityZonePicker',
      ]),
    );
    expect(used.get('cluster-class.yaml')).toContain('CapiImagePicker');
  });

  it('pick the namespace from what the caller may create in, and leave the owner to default to their group', () => {
    for (const file of ['cluster-class.yaml', 'gitops-manifests.yaml']) {
      const text = fs.readFileSync(path.join(TEMPLATES, file), 'utf8');
      const namespace = /\n {8}namespace:\n((?: {10}.*\n)+)/.exec(text)?.[1] ?? '';
      expect({ file, namespace }).toEqual({ file, namespace: expect.stringContaining('ui:field: CapiNamespacePicker') });
      expect({ file, namespace }).toEqual({ file, namespace: expect.stringContaining("pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'") });
      expect({ file, required: /required: \[managementCluster, namespace, name\]\n/.test(text) }).toEqual({ file, required: true });
      // An empty owner (a string, as the action wants) makes the backend use the caller's group.
      expect({ file, owner: /owner: \$\{\{ parameters\.owner or '' \}\}/.test(text) }).toEqual({ file, owner: true });
    }
  });

  it('ask for the cloud credentials before (or on the page of) the first cloud picker, which reads them', () => {
    for (const file of ['cluster-class.yaml', 'gitops-manifests.yaml']) {
      const text = fs.readFileSync(path.join(TEMPLATES, file), 'utf8');
      const identity = text.indexOf('identitySecretName:');
      const firstPicker = text.search(/ui:field: Capi(Flavor|Image|Network|KeyPair|AvailabilityZone)Picker/);
      expect({ file, identityFirst: identity >= 0 && identity < firstPicker }).toEqual({ file, identityFirst: true });
    }
  });
});
