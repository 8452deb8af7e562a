/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { capiOpenstackPlugin } from '../plugin';

type Feature = NonNullable<Parameters<typeof startTestBackend>[0]['features']>[number];

/**
 * A test backend running the capi-openstack plugin with `capiOpenstack` as
 * its config, beside `features` (mock permissions, an auditor, …).
 */
export function startCapiBackend(capiOpenstack: JsonObject, ...features: Feature[]) {
  return startTestBackend({
    features: [capiOpenstackPlugin, ...features, mockServices.rootConfig.factory({ data: { capiOpenstack } })],
  });
}
