/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CreateOptionsResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  allowedFlavors,
  allowedVersions,
  askedVariables,
  classesFor,
  defaultFlavor,
  selectedClass,
  variableProblems,
} from './createOptions';
import { createOptions, DEMO_CLASS } from '../__testUtils__/createOptionsFixtures';

const demo = DEMO_CLASS;
const options = (over: Partial<CreateOptionsResponse> = {}): CreateOptionsResponse =>
  createOptions({
    kubernetesVersions: ['v1.32.1'],
    clusterClasses: [demo, { ...demo, namespace: 'team-b', name: 'other', kubernetesVersions: [] }],
    ...over,
  });
const form = { managementCluster: 'local', namespace: 'team-a', clusterClass: { name: 'demo' } };

describe('create form rules', () => {
  it('finds the classes of the chosen place and the selected class', () => {
    expect(classesFor(options(), form).map(c => c.name)).toEqual(['demo']);
    expect(selectedClass(options(), form)?.name).toBe('demo');
    expect(selectedClass(options(), { ...form, namespace: 'team-b' })).toBeUndefined();
    // A page without the place (validators see one page): matched by name.
    expect(selectedClass(options(), { clusterClass: 'other' })?.namespace).toBe('team-b');
  });

  it('offers the class versions, else the configured ones', () => {
    expect(allowedVersions(options(), form)).toEqual(['v1.33.5', 'v1.34.2']);
    expect(allowedVersions(options(), { ...form, namespace: 'team-b', clusterClass: 'other' })).toEqual(['v1.32.1']);
    expect(allowedVersions(options({ kubernetesVersions: [] }), {})).toEqual([]);
  });

  it('offers the configured flavors, else the enum of the class variable', () => {
    expect(allowedFlavors(options({ flavors: ['m1.small'] }), form, 'controlPlaneFlavor')).toEqual(['m1.small']);
    expect(allowedFlavors(options(), form, 'controlPlaneFlavor')).toEqual(['m1.large', 'm1.xlarge']);
    expect(allowedFlavors(options(), form, 'workerFlavor')).toEqual([]);
    expect(defaultFlavor(options(), form, 'controlPlaneFlavor')).toBe('m1.large');
  });

  it('asks only for the variables other fields do not feed', () => {
    expect(askedVariables(demo).map(v => v.name)).toEqual(['certificatesExpiryDays']);
    expect(askedVariables(demo, []).map(v => v.name)).toEqual(['identityRef', 'controlPlaneFlavor', 'certificatesExpiryDays']);
  });

  it('checks variable values against their schema', () => {
    const days = demo.variables[2];
    expect(variableProblems('certificatesExpiryDays', 3, days.schema, false)).toEqual(['certificatesExpiryDays must be at least 7']);
    expect(variableProblems('certificatesExpiryDays', 1.5, days.schema, false)).toEqual(['certificatesExpiryDays must be an integer']);
    expect(variableProblems('certificatesExpiryDays', undefined, days.schema, false)).toEqual([]);
    expect(variableProblems('identityRef', undefined, { type: 'object' }, true)).toEqual(['identityRef is required']);
    expect(variableProblems('controlPlaneFlavor', 'm1.tiny', demo.variables[1].schema, false)).toEqual([
      'controlPlaneFlavor must be one of m1.large, m1.xlarge',
    ]);
  });
});
