/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The field extensions as form fields of the new frontend system (/alpha).

import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { KubernetesVersionPicker, kubernetesVersionValidation } from './KubernetesVersionPicker';
import { ManagementClusterPicker, managementClusterValidation } from './ManagementClusterPicker';

export const managementClusterPickerField = createFormField({
  name: 'CapiManagementClusterPicker',
  component: ManagementClusterPicker,
  validation: managementClusterValidation,
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
