/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  conditionAgeMs,
  conditionGeneration,
  getCondition,
  hasAnyConditions,
  legacyFailure,
  summarizeConditions,
  v1beta1Conditions,
  v1beta2Conditions,
} from './conditions';
import type { KubeObject } from './objects';

const ltt = '2026-09-01T10:00:00Z';
/** An object `name` of `kind` with `status`. */
const object = (apiVersion: string, kind: string, name: string, status: object): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name },
  status,
});
/** A condition that last changed at `ltt`. */
const cond = (type: string, status: string, fields: Record<string, unknown> = {}) => ({
  type,
  status,
  ...fields,
  lastTransitionTime: ltt,
});

const v1beta2Machine = object('cluster.x-k8s.io/v1beta2', 'Machine', 'm', {
  conditions: [
    cond('NodeHealthy', 'True', { reason: 'NodeHealthy', observedGeneration: 2 }),
    cond('Ready', 'False', { reason: 'NotReady', message: '* NodeHealthy: …' }),
    cond('SomethingCustom', 'True'),
  ],
  deprecated: {
    v1beta1: {
      conditions: [cond('Ready', 'True', { severity: '' })],
      failureReason: 'UpdateError',
      failureMessage: 'old terminal failure',
    },
  },
});

const v1beta1MachineWithV1beta2 = object('cluster.x-k8s.io/v1beta1', 'Machine', 'm', {
  conditions: [
    cond('Ready', 'False', { severity: 'Warning', reason: 'Draining' }),
    cond('BootstrapReady', 'True'),
  ],
  v1beta2: {
    conditions: [cond('Ready', 'True', { reason: 'Ready' })],
  },
  failureReason: 'CreateError',
});

const capoMachine = object('infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachine', 'osm', {
  conditions: [
    cond('Ready', 'False', { severity: 'Error', reason: 'InstanceStateError' }),
    cond('InstanceReady', 'False', { severity: 'Error', reason: 'InstanceStateError' }),
    { type: 'broken' },
  ],
});

describe('conditionGeneration', () => {
  it('follows the apiVersion', () => {
    expect(conditionGeneration(v1beta2Machine)).toBe('v1beta2');
    expect(conditionGeneration(v1beta1MachineWithV1beta2)).toBe('v1beta1');
    expect(
      conditionGeneration({
        ...capoMachine,
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      }),
    ).toBe('v1beta1');
  });

  it('falls back to the shape without apiVersion', () => {
    expect(conditionGeneration({ ...v1beta2Machine, apiVersion: '' })).toBe(
      'v1beta2',
    );
    expect(conditionGeneration({ ...capoMachine, apiVersion: '' })).toBe(
      'v1beta1',
    );
  });
});

describe('reading both generations', () => {
  it('v1beta2 object: status.conditions is the new list, deprecated.v1beta1 the old one', () => {
    expect(v1beta2Conditions(v1beta2Machine)?.map(c => c.type)).toEqual([
      'NodeHealthy',
      'Ready',
      'SomethingCustom',
    ]);
    expect(
      v1beta1Conditions(v1beta2Machine)?.map(c => `${c.type}=${c.status}`),
    ).toEqual(['Ready=True']);
    expect(getCondition(v1beta2Machine, 'Ready')?.status).toBe('False');
    expect(getCondition(v1beta2Machine, 'Ready', 'v1beta1')?.status).toBe(
      'True',
    );
  });

  it('v1beta1 object with status.v1beta2: the new list wins, the old one is the fallback', () => {
    expect(getCondition(v1beta1MachineWithV1beta2, 'Ready')).toEqual(cond('Ready', 'True', { reason: 'Ready' }));
    expect(
      getCondition(v1beta1MachineWithV1beta2, 'Ready', 'v1beta1')?.severity,
    ).toBe('Warning');
    expect(
      getCondition(v1beta1MachineWithV1beta2, 'BootstrapReady')?.status,
    ).toBe('True');
    expect(
      getCondition(v1beta1MachineWithV1beta2, 'BootstrapReady', 'v1beta2'),
    ).toBeUndefined();
  });

  it('CAPO v1beta1 object: only the old list, invalid entries dropped', () => {
    expect(v1beta2Conditions(capoMachine)).toBeUndefined();
    expect(v1beta1Conditions(capoMachine)?.map(c => c.type)).toEqual([
      'Ready',
      'InstanceReady',
    ]);
    expect(getCondition(capoMachine, 'InstanceReady')?.reason).toBe(
      'InstanceStateError',
    );
  });

  it('hasAnyConditions', () => {
    expect(hasAnyConditions(capoMachine)).toBe(true);
    expect(
      hasAnyConditions({ ...capoMachine, status: { conditions: [] } }),
    ).toBe(false);
    expect(hasAnyConditions({ ...capoMachine, status: undefined })).toBe(false);
    expect(
      hasAnyConditions({
        ...v1beta1MachineWithV1beta2,
        status: {
          conditions: [],
          v1beta2: { conditions: [{ type: 'Ready', status: 'True' }] },
        },
      }),
    ).toBe(true);
  });
});

describe('helpers', () => {
  it('conditionAgeMs', () => {
    const c = getCondition(capoMachine, 'Ready');
    expect(conditionAgeMs(c, new Date('2026-09-01T10:15:00Z'))).toBe(
      15 * 60_000,
    );
    expect(
      conditionAgeMs({ type: 'X', status: 'True' }, new Date()),
    ).toBeUndefined();
  });

  it('legacyFailure reads failureReason from either place', () => {
    expect(legacyFailure(v1beta2Machine)).toEqual({
      reason: 'UpdateError',
      message: 'old terminal failure',
    });
    expect(legacyFailure(v1beta1MachineWithV1beta2)).toEqual({
      reason: 'CreateError',
      message: undefined,
    });
    expect(legacyFailure(capoMachine)).toBeUndefined();
    // A v1beta2 object's top-level failureReason is not a v1beta2 field.
    expect(
      legacyFailure({ ...v1beta2Machine, status: { failureReason: 'X' } }),
    ).toBeUndefined();
  });

  it('summarizeConditions filters the v1beta2 list to the kind of interest, in that order', () => {
    expect(summarizeConditions(v1beta2Machine).map(c => c.type)).toEqual([
      'Ready',
      'NodeHealthy',
    ]);
    expect(summarizeConditions(v1beta2Machine)[0]).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'NotReady',
      message: '* NodeHealthy: …',
      lastTransitionTime: '2026-09-01T10:00:00.000Z',
    });
  });

  it('summarizeConditions keeps a v1beta1-only list whole, with severity', () => {
    const s = summarizeConditions(capoMachine);
    expect(s.map(c => c.type)).toEqual(['Ready', 'InstanceReady']);
    expect(s[0].severity).toBe('Error');
  });
});
