/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { UPGRADE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { KubeHttp } from '@internal/test-support';
import { JsonResponse, requestJson } from './backendHttp';

const CAPI = 'cluster.x-k8s.io/v1beta2';

/**
 * `POST .../upgrade` through `baseUrl`. The simulated controllers keep
 * writing status, so a write may meet a newer resourceVersion (409): it is
 * tried again, as a user would.
 */
export async function requestUpgrade(
  baseUrl: string,
  token: string,
  ref: { namespace: string; name: string },
  version: string,
): Promise<JsonResponse> {
  const path = `/api/capi-openstack/clusters/local/${ref.namespace}/${ref.name}/upgrade`;
  let res = await requestJson(baseUrl, token, 'POST', path, { version });
  for (let attempt = 1; res.status === 409 && attempt < 5; attempt++) {
    res = await requestJson(baseUrl, token, 'POST', path, { version });
  }
  return res;
}

/** Every machine of the cluster runs `version` and the orchestration is over (annotation removed). */
export async function upgradeFinished(
  client: KubeHttp,
  ref: { namespace: string; name: string },
  version: string,
  machines: number,
): Promise<boolean> {
  const all = await client.list<any>(CAPI, 'Machine', ref.namespace, `cluster.x-k8s.io/cluster-name=${ref.name}`);
  const live = all.filter(m => !m.metadata.deletionTimestamp);
  const cluster = await client.get(CAPI, 'Cluster', ref.namespace, ref.name);
  return (
    live.length === machines &&
    live.every(m => m.spec.version === version && m.status?.phase === 'Running') &&
    !cluster?.metadata.annotations?.[UPGRADE_ANNOTATION]
  );
}
