/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createCapiOpenstackValidateNameAction } from './validateName';
import { examples } from './validateName.examples';

describe('capi-openstack:cluster:validate-name', () => {
  const action = createCapiOpenstackValidateNameAction();

  it('runs its example', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('clusterRef', 'team-payments/payments-prod');
  });

  it('rejects invalid names, naming each field', async () => {
    const ctx = createMockActionContext({
      input: { name: 'Payments_Prod', namespace: '-team' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /namespace "-team".*; name "Payments_Prod"/,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
