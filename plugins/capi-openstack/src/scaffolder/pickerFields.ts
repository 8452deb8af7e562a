/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AvailabilityZonePicker, availabilityZoneValidation } from './AvailabilityZonePicker';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { ImagePicker, imageValidation } from './ImagePicker';
import { KeyPairPicker, keyPairValidation } from './KeyPairPicker';
import { KubernetesVersionPicker, kubernetesVersionValidation } from './KubernetesVersionPicker';
import { ManagementClusterPicker, managementClusterValidation } from './ManagementClusterPicker';
import { NamespacePicker, namespaceValidation } from './NamespacePicker';
import { NetworkPicker, networkValidation } from './NetworkPicker';
import { Picker } from './pickerNames';

/** Each picker's `ui:field` name, component and validation (legacy field extensions and /alpha form fields alike). */
export const pickerFields = {
  managementCluster: { name: 'CapiManagementClusterPicker', component: ManagementClusterPicker, validation: managementClusterValidation },
  namespace: { name: 'CapiNamespacePicker', component: NamespacePicker, validation: namespaceValidation },
  clusterClass: { name: 'CapiClusterClassPicker', component: ClusterClassPicker, validation: clusterClassValidation },
  kubernetesVersion: { name: 'CapiKubernetesVersionPicker', component: KubernetesVersionPicker, validation: kubernetesVersionValidation },
  flavor: { name: 'CapiFlavorPicker', component: FlavorPicker, validation: flavorValidation },
  image: { name: 'CapiImagePicker', component: ImagePicker, validation: imageValidation },
  network: { name: 'CapiNetworkPicker', component: NetworkPicker, validation: networkValidation },
  keyPair: { name: 'CapiKeyPairPicker', component: KeyPairPicker, validation: keyPairValidation },
  availabilityZone: { name: 'CapiAvailabilityZonePicker', component: AvailabilityZonePicker, validation: availabilityZoneValidation },
} satisfies Record<Picker, { name: string; component: unknown; validation: unknown }>;
