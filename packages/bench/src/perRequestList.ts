/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The baseline: the same `GET /clusters` page answered the way the Backstage
// kubernetes plugin answers its requests, by LISTing the objects from the API
// server on every request (one LIST per kind, in parallel, unpaged) and
// summarising them. The summaries are computed by the plugin's own model
// (tree, verdict, summary, query), so both paths return the same page and
// only the data path differs.

import { KubeHttp } from '@internal/test-support';
import { CLUSTER_NAME_LABEL } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  buildClusterTree,
  ClusterObjects,
  evaluateHealth,
  KubeObject,
} from '@capi-openstack/backstage-plugin-capi-openstack-backend/src/model';
import { toSummary } from '@capi-openstack/backstage-plugin-capi-openstack-backend/src/clusters/summary';
import { queryClusters } from '@capi-openstack/backstage-plugin-capi-openstack-backend/src/clusters/query';
import { percentile } from './load';

const DEFAULT_OWNER = 'group:default/platform';

/** The kinds the model reads, in the versions of the capi-v1.14 CRD set. */
const KINDS = [
  ['cluster.x-k8s.io/v1beta2', 'Cluster'],
  ['controlplane.cluster.x-k8s.io/v1beta2', 'KubeadmControlPlane'],
  ['cluster.x-k8s.io/v1beta2', 'MachineDeployment'],
  ['cluster.x-k8s.io/v1beta2', 'MachineSet'],
  ['cluster.x-k8s.io/v1beta2', 'Machine'],
  ['cluster.x-k8s.io/v1beta2', 'MachineHealthCheck'],
  ['infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackCluster'],
  ['infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachine'],
  ['infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachineTemplate'],
  ['infrastructure.cluster.x-k8s.io/v1alpha1', 'OpenStackServer'],
] as const;

type Kind = (typeof KINDS)[number][1];

const PLURALS: Record<Kind, string> = {
  Cluster: 'clusters',
  KubeadmControlPlane: 'kubeadmcontrolplanes',
  MachineDeployment: 'machinedeployments',
  MachineSet: 'machinesets',
  Machine: 'machines',
  MachineHealthCheck: 'machinehealthchecks',
  OpenStackCluster: 'openstackclusters',
  OpenStackMachine: 'openstackmachines',
  OpenStackMachineTemplate: 'openstackmachinetemplates',
  OpenStackServer: 'openstackservers',
};

/**
 * One request of the baseline: LIST everything, group by cluster, summarise,
 * page. `server` is the admin client of the local API server, made without a
 * timeout (`timeoutMs: 0`): at 2,000 clusters the Machine LIST alone is ~125 MB.
 */
export async function perRequestList(
  server: KubeHttp,
  managementCluster: string,
  query: { limit: number; offset?: number },
) {
  const lists = await Promise.all(
    KINDS.map(async ([apiVersion, kind]) => {
      // One unpaged LIST.
      const res = await server.request<{ items: KubeObject[] }>('GET', `/apis/${apiVersion}/${PLURALS[kind]}`);
      for (const item of res.items) {
        item.apiVersion = apiVersion;
        item.kind = kind;
      }
      return [kind, res.items] as const;
    }),
  );
  const byKind = new Map<Kind, KubeObject[]>(lists);
  const key = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;
  const byName = new Map<Kind, Map<string, KubeObject>>();
  const byCluster = new Map<string, Map<Kind, KubeObject[]>>();
  for (const [kind, items] of byKind) {
    const names = new Map<string, KubeObject>();
    byName.set(kind, names);
    for (const o of items) {
      names.set(key(o.metadata.namespace, o.metadata.name), o);
      const label = o.metadata.labels?.[CLUSTER_NAME_LABEL];
      if (!label) continue;
      const ck = key(o.metadata.namespace, label);
      let kinds = byCluster.get(ck);
      if (!kinds) byCluster.set(ck, (kinds = new Map()));
      let objects = kinds.get(kind);
      if (!objects) kinds.set(kind, (objects = []));
      objects.push(o);
    }
  }
  const now = new Date();
  const summaries = [];
  for (const cluster of byKind.get('Cluster') ?? []) {
    const ns = cluster.metadata.namespace;
    const mine = byCluster.get(key(ns, cluster.metadata.name));
    const labelled = (kind: Kind) =>
      [...(mine?.get(kind) ?? [])].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const ref = (kind: Kind, r: any) => (r?.name ? byName.get(kind)?.get(key(ns, r.name)) : undefined);
    const objs: ClusterObjects = {
      cluster,
      controlPlane: ref('KubeadmControlPlane', cluster.spec?.controlPlaneRef) ?? labelled('KubeadmControlPlane')[0],
      openStackCluster: ref('OpenStackCluster', cluster.spec?.infrastructureRef) ?? labelled('OpenStackCluster')[0],
      machineDeployments: labelled('MachineDeployment'),
      machineSets: labelled('MachineSet'),
      machines: labelled('Machine'),
      openStackMachines: labelled('OpenStackMachine'),
      openStackServers: labelled('OpenStackServer'),
      machineHealthChecks: labelled('MachineHealthCheck'),
      openStackMachineTemplates: labelled('OpenStackMachineTemplate'),
    };
    const tree = buildClusterTree(objs, now);
    const health = evaluateHealth(objs, now);
    summaries.push(toSummary(managementCluster, objs, tree, health, DEFAULT_OWNER));
  }
  return queryClusters(summaries, { limit: query.limit, offset: query.offset });
}

/** Runs the baseline `requests` times, `concurrency` at a time; latencies in ms. */
export async function measurePerRequestList(options: {
  server: KubeHttp;
  managementCluster: string;
  requests: number;
  concurrency: number;
  limit: number;
}) {
  const latencies: number[] = [];
  let totalCount = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) {
        next++;
        const t0 = performance.now();
        const page = await perRequestList(options.server, options.managementCluster, { limit: options.limit });
        latencies.push(performance.now() - t0);
        totalCount = page.totalCount;
      }
    }),
  );
  const wallMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    concurrency: options.concurrency,
    totalCount,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    wallMs,
  };
}
