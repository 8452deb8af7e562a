/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Apart from the pickers, so that /alpha names their form fields without loading them.

/** The create form's pickers, in the order the plugin lists them. */
export const PICKERS = [
  'managementCluster',
  'namespace',
  'clusterClass',
  'kubernetesVersion',
  'flavor',
  'image',
  'network',
  'keyPair',
  'availabilityZone',
] as const;

export type Picker = (typeof PICKERS)[number];

/** The extension name of a picker's form field: `keyPair` → `key-pair-picker`. */
export function formFieldName(picker: Picker): string {
  return `${picker.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}-picker`;
}
