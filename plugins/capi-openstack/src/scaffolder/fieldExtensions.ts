/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { capiOpenstackPlugin } from '../plugin';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { KubernetesVersionPicker, kubernetesVersionValidation } from './KubernetesVersionPicker';
import { ManagementClusterPicker, managementClusterValidation } from './ManagementClusterPicker';

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
 * `ui:field: CapiFlavorPicker` (`ui:options.variable`: the class variable whose enum applies): an allowed Nova flavor.
 * @public
 */
export const CapiFlavorPickerFieldExtension = capiOpenstackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CapiFlavorPicker',
    component: FlavorPicker,
    validation: flavorValidation,
  }),
);
