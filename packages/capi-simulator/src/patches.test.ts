/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { Clock, demoClusterClassObjects } from '@internal/management-cluster';
import {
  applyClassPatches,
  applyJsonPatch,
  PatchError,
  renderTemplate,
  resolveVariables,
  type TemplateRole,
} from './patches';

const demo = demoClusterClassObjects(
  'ns',
  new Clock(new Date('2026-09-01T10:10:00Z')),
);
const cls: any = demo.find(o => o.manifest.kind === 'ClusterClass')!.manifest;
const template = (name: string): any =>
  structuredClone(demo.find(o => o.manifest.metadata.name === name)!.manifest);

describe('ClusterClass patches', () => {
  const builtin = {
    cluster: { name: 'c', namespace: 'ns' },
    controlPlane: { version: 'v1.34.2' },
    machineDeployment: { version: 'v1.33.5', class: 'default-worker' },
  };

  it('applies the demo class variables with defaults and overrides', () => {
    const vars = resolveVariables(
      cls.spec.variables,
      [
        {
          name: 'identityRef',
          value: { name: 'c-cloud-config', cloudName: 'openstack' },
        },
        { name: 'imageName', value: 'ubuntu-2404-kube' },
        { name: 'workerFlavor', value: 'm1.xlarge' },
      ],
      [{ name: 'workerFlavor', value: 'c2.xlarge' }],
      builtin,
    );
    expect(vars.controlPlaneFlavor).toBe('m1.large'); // schema default
    expect(vars.certificatesExpiryDays).toBe(21);
    expect(vars.workerFlavor).toBe('c2.xlarge'); // per-pool override wins

    /** The named class template with the class patches for `role` applied. */
    const patched = (name: string, role: TemplateRole) => {
      const t = template(name);
      const target = { apiVersion: t.apiVersion, kind: t.kind, role };
      applyClassPatches(cls.spec.patches, target, t, vars);
      return t;
    };

    const machineTemplates: Array<[string, TemplateRole, object]> = [
      [
        'capi-openstack-demo-control-plane-machine',
        { kind: 'controlPlaneMachine' },
        {
          flavor: 'm1.large',
          image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } },
        },
      ],
      // Workers follow builtin.machineDeployment.version, not the control plane's.
      [
        'capi-openstack-demo-default-worker-machine',
        { kind: 'machineDeployment', class: 'default-worker' },
        {
          flavor: 'c2.xlarge',
          image: { filter: { name: 'ubuntu-2404-kube-v1.33.5' } },
        },
      ],
    ];
    for (const [name, role, spec] of machineTemplates)
      expect(patched(name, role).spec.template.spec).toMatchObject(spec);

    const kcp = patched('capi-openstack-demo-control-plane', {
      kind: 'controlPlane',
    });
    expect(kcp.spec.template.spec.rollout.before).toEqual({
      certificatesExpiryDays: 21,
    }); // template rendered as YAML

    const osc = patched('capi-openstack-demo-openstackcluster', {
      kind: 'infrastructureCluster',
    });
    expect(osc.spec.template.spec.identityRef).toEqual({
      name: 'c-cloud-config',
      cloudName: 'openstack',
    });
  });

  it('rejects missing required variables and unsupported templates', () => {
    expect(() => resolveVariables(cls.spec.variables, [], [], builtin)).toThrow(
      /required variable "identityRef"/,
    );
    expect(() => renderTemplate('{{ if .x }}a{{ end }}', { x: true })).toThrow(
      PatchError,
    );
    expect(() => renderTemplate('{{ .missing }}', {})).toThrow(
      /variable "missing" is not set/,
    );
    expect(
      renderTemplate('{{ .a.b }}-{{.builtin.v}}', {
        a: { b: 'x' },
        builtin: { v: 1 },
      }),
    ).toBe('x-1');
  });

  it('implements JSON patch add, replace and remove', () => {
    const doc: any = { spec: { list: [1, 2], map: { a: 1 } } };
    applyJsonPatch(doc, { op: 'add', path: '/spec/list/-', value: 3 });
    applyJsonPatch(doc, { op: 'add', path: '/spec/list/0', value: 0 });
    applyJsonPatch(doc, {
      op: 'replace',
      path: '/spec/map/a',
      value: { deep: true },
    });
    applyJsonPatch(doc, { op: 'add', path: '/spec/map/b~1c', value: 'slash' });
    applyJsonPatch(doc, { op: 'remove', path: '/spec/list/1' });
    expect(doc).toEqual({
      spec: { list: [0, 2, 3], map: { a: { deep: true }, 'b/c': 'slash' } },
    });
    expect(() =>
      applyJsonPatch(doc, { op: 'replace', path: '/spec/missing', value: 1 }),
    ).toThrow(PatchError);
    expect(() =>
      applyJsonPatch(doc, { op: 'add', path: '/nope/x', value: 1 }),
    ).toThrow(PatchError);
  });
});
