/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// What a Machine is, read from its labels, annotations and children.

import {
  CERTIFICATES_EXPIRY_ANNOTATION,
  CLONED_FROM_NAME_ANNOTATION as CLONED_FROM_NAME,
  CONTROL_PLANE_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import {
  annotations,
  bootstrapConfigRef,
  infrastructureRef,
  labels,
} from '../shapes';

export function isControlPlane(machine: KObj): boolean {
  return CONTROL_PLANE_LABEL in labels(machine);
}

/** The template an OpenStackMachine was cloned from. */
export function infrastructureTemplateOf(
  scope: ClusterScope,
  machine: KObj,
): string | undefined {
  return annotations(
    scope.get('OpenStackMachine', infrastructureRef(machine.spec)?.name),
  )[CLONED_FROM_NAME];
}

/**
 * Certificates expiry of a control plane Machine: the annotation on it or on
 * its KubeadmConfig (set by CABPK), else what its status already says.
 */
export function certificatesExpiry(
  scope: ClusterScope,
  machine: KObj,
): string | undefined {
  return (
    annotations(machine)[CERTIFICATES_EXPIRY_ANNOTATION] ??
    annotations(
      scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name),
    )[CERTIFICATES_EXPIRY_ANNOTATION] ??
    machine.status?.certificatesExpiryDate
  );
}
