/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The field extensions as form fields of the new frontend system (/alpha).

import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AvailabilityZonePicker, availabilityZoneValidation } from './AvailabilityZonePicker';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { ImagePicker, imageValidation } from './ImagePicker';
import { KeyPairPicker, keyPairValidation } from './KeyPairPicker';
import { KubernetesVersionPicker, kubernetesVersionValidation } from './KubernetesVersionPicker';
import { ManagementClusterPicker, managementClusterValidation } from './ManagementClusterPicker';
import { NamespacePicker, namespaceValidation } from './NamespacePicker';
import { NetworkPicker, networkValidation } from './NetworkPicker';

export const managementClusterPickerField = createFormField({
  name: 'CapiManagementClusterPicker',
  component: ManagementClusterPicker,
  validation: managementClusterValidation,
});

export const namespacePickerField = createFormField({
  name: 'CapiNamespacePicker',
  component: NamespacePicker,
  validation: namespaceValidation,
});

export const clusterClassPickerField = createFormField({
  name: 'CapiClusterClassPicker',
  component: ClusterClassPicker as any,
  validation: clusterClassValidation as any,
});

export const kubernetesVersionPickerField = createFormField({
  name: 'CapiKubernetesVersionPicker',
  component: KubernetesVersionPicker,
  validation: kubernetesVersionValidation,
});

export const flavorPickerField = createFormField({
  name: 'CapiFlavorPicker',
  component: FlavorPicker as any,
  validation: flavorValidation as any,
});

export const imagePickerField = createFormField({
  name: 'CapiImagePicker',
  component: ImagePicker as any,
  validation: imageValidation as any,
});

export const networkPickerField = createFormField({
  name: 'CapiNetworkPicker',
  component: NetworkPicker as any,
  validation: networkValidation as any,
});

export const keyPairPickerField = createFormField({
  name: 'CapiKeyPairPicker',
  component: KeyPairPicker as any,
  validation: keyPairValidation as any,
});

export const availabilityZonePickerField = createFormField({
  name: 'CapiAvailabilityZonePicker',
  component: AvailabilityZonePicker as any,
  validation: availabilityZoneValidation as any,
});
