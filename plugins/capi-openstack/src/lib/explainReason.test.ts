/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { explainReason } from './explainReason';

describe('explainReason', () => {
  it('names a Nova quota error from the controller message', () => {
    const result = explainReason({
      conditionType: 'InstanceReady',
      reason: 'InstanceCreateFailed',
      message:
        'error creating Openstack instance: Expected HTTP response code [202] when accessing [POST https://nova.example:8774/v2.1/servers], but got 403 instead: {"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"}}',
    });
    expect(result.summary).toBe('OpenStack quota exhausted: Quota exceeded for cores: Requested 8, but already used 96 of 100 cores.');
    expect(result.detail).toContain('got 403');
  });

  it('explains a reason and keeps the message as detail, without bullets', () => {
    expect(
      explainReason({ conditionType: 'RemoteConnectionProbe', reason: 'ProbeFailed', message: '* Remote connection probe failed' }),
    ).toEqual({
      summary: 'The API server of the workload cluster does not answer.',
      detail: 'Remote connection probe failed',
    });
  });

  it('falls back to the condition type for generic reasons', () => {
    expect(explainReason({ conditionType: 'WorkersAvailable', reason: 'NotAvailable' }).summary).toBe(
      'Not enough worker machines are available.',
    );
  });

  it('falls back to the message, then the reason, for unknown conditions', () => {
    expect(explainReason({ conditionType: 'Custom', reason: 'Odd', message: 'line one\n  * line two' })).toEqual({
      summary: 'line one; line two',
    });
    expect(explainReason({ conditionType: 'Custom', reason: 'Odd' })).toEqual({ summary: 'Odd' });
  });
});
