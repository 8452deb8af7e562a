/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApiHolder } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { fetchCreateOptions } from './createOptions';

/** The backend's create options for a form field. */
export function useCreateOptions() {
  const apis = useApiHolder();
  return useAsync(() => fetchCreateOptions(apis), [apis]);
}
