/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConfigReader } from '@backstage/config';
import { DEFAULT_ACTIONS_CONFIG, readActionsConfig } from './actionsConfig';

const read = (capiOpenstack: object) => readActionsConfig(new ConfigReader({ capiOpenstack } as any));

describe('readActionsConfig', () => {
  it('defaults', () => {
    expect(readActionsConfig(new ConfigReader({}))).toEqual(DEFAULT_ACTIONS_CONFIG);
    expect(read({}).maxPoolReplicas).toBe(50);
    expect(read({}).kubeconfigEnabled).toBe(true);
  });

  it('reads every key', () => {
    expect(
      read({
        flavors: ['m1.small'],
        kubernetesVersions: [{ version: 'v1.35.0', image: 'img-135' }],
        actions: { maxPoolReplicas: 20, upgradeResyncSeconds: 2, hibernationScheduleSeconds: 5, classVariables: { workerFlavor: 'nodeFlavor' } },
        kubeconfig: { enabled: false },
      }),
    ).toEqual({
      maxPoolReplicas: 20,
      flavors: ['m1.small'],
      kubernetesVersions: [{ version: 'v1.35.0', image: 'img-135' }],
      kubeconfigEnabled: false,
      classVariables: { controlPlaneFlavor: 'controlPlaneFlavor', workerFlavor: 'nodeFlavor', certificatesExpiryDays: 'certificatesExpiryDays' },
      upgradeResyncMs: 2000,
      hibernationScheduleSeconds: 5,
    });
  });

  it('names the offending key', () => {
    expect(() => read({ actions: { maxPoolReplicas: 0 } })).toThrow(/capiOpenstack.actions.maxPoolReplicas/);
    expect(() => read({ kubernetesVersions: [{ version: '1.35', image: 'x' }] })).toThrow(
      /capiOpenstack.kubernetesVersions\[0\].version must look like v1.34.2/,
    );
    expect(() =>
      read({ kubernetesVersions: [{ version: 'v1.35.0', image: 'a' }, { version: 'v1.35.0', image: 'b' }] }),
    ).toThrow(/kubernetesVersions\[1\].version v1.35.0 is listed twice/);
    expect(() => read({ flavors: [' '] })).toThrow(/capiOpenstack.flavors\[0\]/);
    expect(() => read({ actions: { upgradeResyncSeconds: -1 } })).toThrow(/upgradeResyncSeconds/);
    expect(() => read({ actions: { hibernationScheduleSeconds: 0 } })).toThrow(
      'capiOpenstack.actions.hibernationScheduleSeconds must be positive, got 0',
    );
  });
});
