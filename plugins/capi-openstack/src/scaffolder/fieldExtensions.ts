/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  createScaffolderFieldExtension,
  FieldExtensionOptions,
  FieldExtensionUiSchema,
} from '@backstage/plugin-scaffolder-react';
import { capiOpenstackPlugin } from '../plugin';
import { pickerFields } from './pickerFields';

type UiOptions = NonNullable<FieldExtensionUiSchema<unknown, {}>['ui:options']>;

function provide<T, O extends UiOptions>(field: FieldExtensionOptions<T, O>) {
  return capiOpenstackPlugin.provide(createScaffolderFieldExtension<T, O>(field));
}

/**
 * `ui:field: CapiManagementClusterPicker`: a management cluster that can take new clusters.
 * @public
 */
export const CapiManagementClusterPickerFieldExtension = provide(pickerFields.managementCluster);

/**
 * `ui:field: CapiNamespacePicker`: a namespace the caller may create clusters in on the form's
 * `managementCluster` (free text when the backend knows none there).
 * @public
 */
export const CapiNamespacePickerFieldExtension = provide(pickerFields.namespace);

/**
 * `ui:field: CapiClusterClassPicker`: a ClusterClass and its variables (`{ name, variables }`);
 * reads `managementCluster` and `namespace` of the form.
 * @public
 */
export const CapiClusterClassPickerFieldExtension = provide(pickerFields.clusterClass);

/**
 * `ui:field: CapiKubernetesVersionPicker`: an allowed Kubernetes version (of the form's `clusterClass`, else configured).
 * @public
 */
export const CapiKubernetesVersionPickerFieldExtension = provide(pickerFields.kubernetesVersion);

/**
 * `ui:field: CapiFlavorPicker` (`ui:options.variable`: the class variable whose enum applies): an allowed Nova flavor,
 * from the cloud of the form's identity (`identitySecretName`, `cloudName`) when it can be reached.
 * @public
 */
export const CapiFlavorPickerFieldExtension = provide(pickerFields.flavor);

/**
 * `ui:field: CapiImagePicker`: a Glance image of the form's cloud for the form's `kubernetesVersion`
 * (`ui:options.namePrefix`: the name without the `-<version>` suffix, for ClusterClass `imageName` variables).
 * @public
 */
export const CapiImagePickerFieldExtension = provide(pickerFields.image);

/**
 * `ui:field: CapiNetworkPicker`: a Neutron network of the form's cloud (`ui:options.networks`: `external`
 * (default), `tenant` or `all`; `ui:options.valueField`: `name` (default) or `id`).
 * @public
 */
export const CapiNetworkPickerFieldExtension = provide(pickerFields.network);

/**
 * `ui:field: CapiKeyPairPicker`: a Nova SSH key pair of the form's identity.
 * @public
 */
export const CapiKeyPairPickerFieldExtension = provide(pickerFields.keyPair);

/**
 * `ui:field: CapiAvailabilityZonePicker`: a Nova availability zone of the form's cloud, or several for an
 * `array` field (or `ui:options.multiple`).
 * @public
 */
export const CapiAvailabilityZonePickerFieldExtension = provide(pickerFields.availabilityZone);
