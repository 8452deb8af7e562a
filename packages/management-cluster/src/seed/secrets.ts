/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Demo credentials: syntactically valid, pointing nowhere useful.

import { base64, hexFor, uuidFor } from './ids';
import {
  IDENTITY_SECRET_LABEL,
  MOVE_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CONTROLPLANE_V } from './labels';
import { objectMeta } from './meta';
import type { ClusterModel } from './model';
import type { SeedObject } from './types';

export const DEMO_AUTH_URL = 'http://127.0.0.1:5000/v3';

/** A clouds.yaml with one (fake) application credential against DEMO_AUTH_URL. */
export function demoCloudsYaml(c: {
  cloudName: string;
  credentialId: string;
  credentialSecret: string;
  /** Written as a comment (Magnum names its credentials). */
  credentialName?: string;
}): string {
  return [
    '# Demo data: a fake application credential.',
    ...(c.credentialName
      ? [`# Application credential name: ${c.credentialName}`]
      : []),
    'clouds:',
    `  ${c.cloudName}:`,
    '    auth:',
    `      auth_url: ${DEMO_AUTH_URL}`,
    `      application_credential_id: ${c.credentialId}`,
    `      application_credential_secret: ${c.credentialSecret}`,
    '    region_name: RegionOne',
    '    interface: public',
    '    identity_api_version: 3',
    '    auth_type: v3applicationcredential',
    '',
  ].join('\n');
}

function cloudsYaml(m: ClusterModel): string {
  return demoCloudsYaml({
    cloudName: m.spec.cloudName,
    credentialId: hexFor(32, 'app-credential', m.namespace, m.name),
    credentialSecret: `demo-${hexFor(40, 'app-secret', m.namespace, m.name)}`,
    credentialName: m.spec.applicationCredentialName ?? `capi-${m.name}`,
  });
}

export function renderCloudConfigSecret(m: ClusterModel): SeedObject {
  return {
    manifest: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: objectMeta(m, m.names.cloudSecret, {
        // Marked as identity Secrets: new clusters of the namespace may use them too.
        labels: { [MOVE_LABEL]: 'true', [IDENTITY_SECRET_LABEL]: 'true' },
      }),
      type: 'Opaque',
      data: { 'clouds.yaml': base64(cloudsYaml(m)) },
    },
  };
}

export function kubeconfigYaml(m: ClusterModel): string {
  const user = `${m.name}-admin`;
  const context = `${user}@${m.name}`;
  return [
    '# Demo data: the endpoint and token are fake.',
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${m.name}`,
    '  cluster:',
    `    server: https://${m.net.floatingIP}:6443`,
    '    insecure-skip-tls-verify: true',
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${m.name}`,
    `    user: ${user}`,
    `current-context: ${context}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    token: demo.${hexFor(
      32,
      'token',
      uuidFor('kubeconfig', m.namespace, m.name),
    )}`,
    'preferences: {}',
    '',
  ].join('\n');
}

export function renderKubeconfigSecret(m: ClusterModel): SeedObject {
  return {
    manifest: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: objectMeta(m, m.names.kubeconfigSecret),
      type: 'cluster.x-k8s.io/secret',
      data: { value: base64(kubeconfigYaml(m)) },
    },
    owner: {
      apiVersion: CONTROLPLANE_V,
      kind: 'KubeadmControlPlane',
      name: m.names.controlPlane,
      controller: true,
    },
  };
}
