/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useRef } from 'react';
import { capiOpenstackApiRef } from '../api/CapiOpenstackApi';
import { StreamMessage, streamHubFor } from './clusterStreamHub';

/** Calls `listener` for every stream message while mounted (latest listener wins, no resubscribe). */
export function useClusterStream(listener: (message: StreamMessage) => void) {
  const api = useApi(capiOpenstackApiRef);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => streamHubFor(api).subscribe(message => latest.current(message)), [api]);
}
