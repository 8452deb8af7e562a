/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { parseActionBody } from './actionBody';
import { actionRequest, clusterActions, isMachineAction, isPoolAction, isWindowAction } from './actionTable';

const message = (action: Parameters<typeof parseActionBody>[0], body: unknown) => {
  const r = parseActionBody(action, body);
  return r.ok ? undefined : r.message;
};

describe('parseActionBody', () => {
  it('answers the checked fields, resourceVersion and force', () => {
    expect(parseActionBody('scale-pool', { replicas: 4, resourceVersion: '12', force: true })).toEqual({
      ok: true,
      body: { fields: { replicas: 4 }, resourceVersion: '12', force: true, when: 'now' },
    });
    expect(parseActionBody('set-autoscaler', { bounds: null })).toEqual({
      ok: true,
      body: { fields: { bounds: null }, resourceVersion: undefined, force: false, when: 'now' },
    });
    expect(parseActionBody('pause', {})).toEqual({ ok: true, body: { fields: {}, resourceVersion: undefined, force: false, when: 'now' } });
  });

  it('names the field that is wrong', () => {
    expect(message('scale-pool', [])).toBe('the request body must be a JSON object');
    expect(message('scale-pool', { replicas: 'three' })).toBe('replicas must be a number');
    expect(message('scale-pool', {})).toBe('replicas must be a number');
    expect(message('upgrade', { version: 1 })).toBe('version must be a string');
    expect(message('set-autoscaler', {})).toBe('bounds is required ({min, max}, or null)');
    expect(message('set-autoscaler', { bounds: 3 })).toBe('bounds must be an object {min, max}, or null');
    expect(message('set-autoscaler', { bounds: { min: 1 } })).toBe('max must be a number');
    expect(message('set-certificate-rotation', {})).toBe('certificatesExpiryDays is required (a number, or null)');
    expect(message('restart-pool', { now: true })).toBe('unknown field now (expected resourceVersion, force, when)');
    expect(message('delete', { confirmName: 'a', resourceVersion: 'x y' })).toBe('resourceVersion must be a string');
    expect(message('pause', { force: 'yes' })).toBe('force must be true or false');
  });

  it('takes when=window for upgrades, restarts and flavor changes only', () => {
    expect(parseActionBody('upgrade', { version: 'v1.35.0', when: 'window' })).toMatchObject({ ok: true, body: { when: 'window' } });
    expect(parseActionBody('restart-pool', {})).toMatchObject({ ok: true, body: { when: 'now' } });
    expect(message('upgrade', { version: 'v1.35.0', when: 'later' })).toMatch(/^when must be "now" or "window"/);
    expect(message('scale-pool', { replicas: 2, when: 'window' })).toBe(
      'when: scale-pool cannot wait for a maintenance window (only upgrade, restart and flavor changes)',
    );
    expect(Object.keys(clusterActions).filter(a => isWindowAction(a as any)).sort()).toEqual([
      'restart-control-plane',
      'restart-pool',
      'set-control-plane-flavor',
      'set-pool-flavor',
      'upgrade',
    ]);
  });

  it('checks list fields item by item', () => {
    const window = { days: ['sat', 7], start: '02:00', end: '05:00', timeZone: 'UTC' };
    expect(message('set-maintenance-window', { window })).toBe('days[1] must be a string');
    expect(message('set-maintenance-window', { window: { ...window, days: 'sat' } })).toBe('days must be a list');
    expect(parseActionBody('set-maintenance-window', { window: null })).toMatchObject({ ok: true, body: { fields: { window: null } } });
  });
});

describe('the action table', () => {
  it('gives every pool action a :pool path and encodes the pool', () => {
    expect(Object.keys(clusterActions).filter(a => isPoolAction(a as any)).sort()).toEqual([
      'restart-pool',
      'scale-pool',
      'set-autoscaler',
      'set-pool-flavor',
    ]);
    expect(actionRequest('scale-pool', 'a/b')).toEqual({ method: 'POST', path: 'pools/a%2Fb/scale' });
    expect(() => actionRequest('scale-pool')).toThrow('action scale-pool needs a pool');
    expect(actionRequest('delete')).toEqual({ method: 'DELETE', path: '' });
  });

  it('gives the machine action a :machine path', () => {
    expect(Object.keys(clusterActions).filter(a => isMachineAction(a as any))).toEqual(['replace-machine']);
    expect(actionRequest('replace-machine', 'c1-md-0-x')).toEqual({ method: 'POST', path: 'machines/c1-md-0-x/replace' });
    expect(() => actionRequest('replace-machine')).toThrow('action replace-machine needs a machine');
  });

  it('has one route and one operationId per action', () => {
    const routes = Object.values(clusterActions).map(s => `${s.method} ${s.path}`);
    const ids = Object.values(clusterActions).map(s => s.operationId);
    expect(new Set(routes).size).toBe(routes.length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
