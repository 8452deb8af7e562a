/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { capiOpenstackPlugin } from '../plugin';
import { AvailabilityZonePicker, availabilityZoneValidation } from './AvailabilityZonePicker';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { ImagePicker, imageValidation } from './ImagePicker';
import { KeyPairPicker, keyPairValidation } from './KeyPairPicker';
import { KubernetesVersionPicker, kubernetesVersionValidation } from './KubernetesVersionPicker';
import { ManagementClusterPicker, managementClusterValidation } from './ManagementClusterPicker';
import { NamespacePicker, namespaceValidation } from './NamespacePicker';
import { NetworkPicker, networkValidation } from './NetworkPicker';

/**
 * `ui:field: CapiManagementClusterPicker`: a management cluster that can take new clusters.
 * @public
 */
export const CapiManagementClusterPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiManagementClusterPicker',
    component: ManagementClusterPicker,
    validation: managementClusterValidation,
  }),
);

/**
 * `ui:field: CapiNamespacePicker`: a namespace the caller may create clusters in on the form's
 * `managementCluster` (free text when the backend knows none there).
 * @public
 */
export const CapiNamespacePickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiNamespacePicker',
    component: NamespacePicker,
    validation: namespaceValidation,
  }),
);

/**
 * `ui:field: CapiClusterClassPicker`: a ClusterClass and its variables (`{ name, variables }`);
 * reads `managementCluster` and `namespace` of the form.
 * @public
 */
export const CapiClusterClassPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiClusterClassPicker',
    component: ClusterClassPicker,
    validation: clusterClassValidation,
  }),
);

/**
 * `ui:field: CapiKubernetesVersionPicker`: an allowed Kubernetes version (of the form's `clusterClass`, else configured).
 * @public
 */
export const CapiKubernetesVersionPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiKubernetesVersionPicker',
    component: KubernetesVersionPicker,
    validation: kubernetesVersionValidation,
  }),
);

/**
 * `ui:field: CapiFlavorPicker` (`ui:options.variable`: the class variable whose enum applies): an allowed Nova flavor,
 * from the cloud of the form's identity (`identitySecretName`, `cloudName`) when it can be reached.
 * @public
 */
export const CapiFlavorPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiFlavorPicker',
    component: FlavorPicker,
    validation: flavorValidation,
  }),
);

/**
 * `ui:field: CapiImagePicker`: a Glance image of the form's cloud for the form's `kubernetesVersion`
 * (`ui:options.namePrefix`: the name without the `-<version>` suffix, for ClusterClass `imageName` variables).
 * @public
 */
export const CapiImagePickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiImagePicker',
    component: ImagePicker,
    validation: imageValidation,
  }),
);

/**
 * `ui:field: CapiNetworkPicker`: a Neutron network of the form's cloud (`ui:options.networks`: `external`
 * (default), `tenant` or `all`; `ui:options.valueField`: `name` (default) or `id`).
 * @public
 */
export const CapiNetworkPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiNetworkPicker',
    component: NetworkPicker,
    validation: networkValidation,
  }),
);

/**
 * `ui:field: CapiKeyPairPicker`: a Nova SSH key pair of the form's identity.
 * @public
 */
export const CapiKeyPairPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiKeyPairPicker',
    component: KeyPairPicker,
    validation: keyPairValidation,
  }),
);

/**
 * `ui:field: CapiAvailabilityZonePicker`: a Nova availability zone of the form's cloud, or several for an
 * `array` field (or `ui:options.multiple`).
 * @public
 */
export const CapiAvailabilityZonePickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiAvailabilityZonePicker',
    component: AvailabilityZonePicker,
    validation: availabilityZoneValidation,
  }),
);
