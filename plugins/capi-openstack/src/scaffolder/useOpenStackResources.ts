/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApiHolder } from '@backstage/core-plugin-api';
import type { OpenStackResourcesResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { fetchOpenStackResources, identityQuery, OpenStackPickerOptions, queryKey } from './openstackResources';

/** What a cloud picker knows about the form's identity and its lists. */
export type OpenStackResourcesState =
  | { status: 'no-identity'; missing: string[] }
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; response: OpenStackResourcesResponse };

/** Waits this long after the identity fields stop changing (typing a Secret name) before asking. */
const SETTLE_MS = 300;

/** The cloud lists of the identity the form names (fields `managementCluster`, `namespace`, `identitySecretName`, `cloudName`). */
export function useOpenStackResources(
  formData: Record<string, unknown> | undefined,
  options: OpenStackPickerOptions = {},
): OpenStackResourcesState {
  const apis = useApiHolder();
  const identity = identityQuery(formData, options);
  const key = 'query' in identity ? queryKey(identity.query) : undefined;
  const [settled, setSettled] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) {
      setSettled(undefined);
      return undefined;
    }
    const timer = setTimeout(() => setSettled(key), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const result = useAsync(async () => {
    if (!settled) return undefined;
    const [managementCluster, namespace, secret, cloud] = JSON.parse(settled) as string[];
    return fetchOpenStackResources(apis, { managementCluster, namespace, secret, cloud });
  }, [apis, settled]);
  if ('missing' in identity) return { status: 'no-identity', missing: identity.missing };
  if (settled !== key || result.loading || (!result.value && !result.error)) return { status: 'loading' };
  if (result.error) return { status: 'error', error: result.error };
  return { status: 'ready', response: result.value! };
}
