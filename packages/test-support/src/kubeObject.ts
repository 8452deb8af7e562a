/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The plugins' Kubernetes object types, as the API server returns them to
// the test tooling: owner references complete and any other field allowed.

import type {
  ObjectMeta,
  OwnerReference as PluginOwnerReference,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export interface OwnerReference extends PluginOwnerReference {
  apiVersion: string;
  uid: string;
}

export interface KubeObjectMeta extends ObjectMeta {
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [key: string]: unknown;
}
