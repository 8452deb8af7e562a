/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Which Secrets a caller may use as the identity of a new cluster (create,
// its preflight, the create form's lookups). The backend reads Secrets with
// its own credentials, so a name alone must never be enough: a Secret is
// usable in its namespace only when an operator marked it as an identity
// Secret (label), or named it in an OpenStackClusterIdentity whose
// namespaceSelector admits that namespace. Missing and not allowed answer
// the same, so the check is no oracle for other Secrets.

import {
  IDENTITY_SECRET_LABEL,
  IDENTITY_SECRET_LABEL_VALUE,
  INFRA_GROUP,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeClient } from '../kube/createKubeClient';
import { selectorMatches } from './identity';

const enc = encodeURIComponent;
const IDENTITIES = `/apis/${INFRA_GROUP}/v1alpha1/openstackclusteridentities`;

async function getOrUndefined(client: KubeClient, path: string): Promise<any | undefined> {
  try {
    return await client.request('GET', path);
  } catch {
    // Missing, forbidden to the backend or unreadable: not usable.
    return undefined;
  }
}

/** Whether Secret `name` of `namespace` may serve as the identity of a new cluster there. */
export async function identitySecretUsable(client: KubeClient, namespace: string, name: string): Promise<boolean> {
  const secret = await getOrUndefined(client, `/api/v1/namespaces/${enc(namespace)}/secrets/${enc(name)}`);
  if (!secret) return false;
  if (secret.metadata?.labels?.[IDENTITY_SECRET_LABEL] === IDENTITY_SECRET_LABEL_VALUE) return true;
  const identities = await getOrUndefined(client, IDENTITIES);
  const naming = (identities?.items ?? []).filter(
    (i: any) => i?.spec?.secretRef?.name === name && i?.spec?.secretRef?.namespace === namespace,
  );
  if (naming.length === 0) return false;
  const ns = await getOrUndefined(client, `/api/v1/namespaces/${enc(namespace)}`);
  if (!ns) return false;
  const labels = ns.metadata?.labels ?? {};
  return naming.some((i: any) => selectorMatches(i.spec.namespaceSelector, labels));
}

/** The one message for a Secret that is missing or may not be used. */
export function identitySecretRefusal(name: string, namespace: string): string {
  return (
    `Secret ${name} cannot be used as an identity in namespace ${namespace}: it must exist there and carry the label ` +
    `${IDENTITY_SECRET_LABEL}: "${IDENTITY_SECRET_LABEL_VALUE}" (or be named by an OpenStackClusterIdentity that admits the namespace)`
  );
}
