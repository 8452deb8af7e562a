/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import plugin, { capiOpenstackFormFields } from '../alpha';

describe('scaffolder form fields (/alpha)', () => {
  it('are extensions of the plugin whose loaders give the nine fields', async () => {
    const ids = [
      'management-cluster-picker',
      'namespace-picker',
      'cluster-class-picker',
      'kubernetes-version-picker',
      'flavor-picker',
      'image-picker',
      'network-picker',
      'key-pair-picker',
      'availability-zone-picker',
    ].map(n => `scaffolder-form-field:capi-openstack/${n}`);
    for (const id of ids) expect(String(plugin.getExtension(id as any))).toContain('kind=scaffolder-form-field');
    const names: string[] = [];
    for (const field of capiOpenstackFormFields) {
      const loader: () => Promise<unknown> = createExtensionTester(field as any).get(FormFieldBlueprint.dataRefs.formFieldLoader);
      const loaded: any = await loader();
      // FormField is opaque; its definition carries the ui:field name.
      names.push(JSON.stringify(loaded, (_k, v) => (typeof v === 'function' ? undefined : v)).match(/"name":"(Capi\w+)"/)![1]);
    }
    expect(names).toEqual([
      'CapiManagementClusterPicker',
      'CapiNamespacePicker',
      'CapiClusterClassPicker',
      'CapiKubernetesVersionPicker',
      'CapiFlavorPicker',
      'CapiImagePicker',
      'CapiNetworkPicker',
      'CapiKeyPairPicker',
      'CapiAvailabilityZonePicker',
    ]);
  });
});
