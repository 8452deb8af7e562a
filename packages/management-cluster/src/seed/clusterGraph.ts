/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Renders a cluster model into its full object graph, plain or classy.

import {
  renderCluster,
  renderControlPlane,
  renderHealthCheck,
  renderKubeadmConfig,
  renderKubeadmConfigTemplate,
  renderMachine,
  renderMachineDeployment,
  renderMachineSet,
} from './capiObjects';
import type { Clock } from './clock';
import { type ClusterModel, imageFor } from './model';
import {
  renderBastionServer,
  renderMachineTemplate,
  renderOpenStackCluster,
  renderOpenStackMachine,
  renderOpenStackServer,
} from './openstackObjects';
import { renderCloudConfigSecret, renderKubeconfigSecret } from './secrets';
import type { SeedObject } from './types';

export interface MachineObjects {
  machine: SeedObject;
  bootstrap: SeedObject;
  infra: SeedObject;
  server: SeedObject;
}

export interface RenderedCluster {
  model: ClusterModel;
  cloudSecret: SeedObject;
  cluster: SeedObject;
  templates: SeedObject[];
  openStackCluster: SeedObject;
  controlPlane: SeedObject;
  kubeconfig?: SeedObject;
  /** By topology (pool) name. */
  machineDeployments: Map<string, SeedObject>;
  machineSets: Map<string, SeedObject>;
  /** By Machine name: control plane first, then workers. */
  machines: Map<string, MachineObjects>;
  bastion?: SeedObject;
  healthChecks: SeedObject[];
}

export function renderClusterGraph(
  m: ClusterModel,
  clock: Clock,
): RenderedCluster {
  const templates: SeedObject[] = [
    renderMachineTemplate(m, m.names.controlPlaneInfraTemplate, {
      flavor: m.kcp.flavor,
      image: imageFor(m.spec, m.version),
      classTemplate: m.classInfo?.controlPlaneMachineTemplate,
    }),
  ];
  for (const p of m.pools) {
    templates.push(
      renderMachineTemplate(m, p.infraTemplate, {
        flavor: p.flavor,
        image: p.image,
        classTemplate: m.classInfo?.workerMachineTemplate,
      }),
      renderKubeadmConfigTemplate(m, p),
    );
  }
  const machines = new Map<string, MachineObjects>();
  for (const x of [...m.cpMachines, ...m.pools.flatMap(p => p.machines)]) {
    machines.set(x.name, {
      machine: renderMachine(m, x, clock),
      bootstrap: renderKubeadmConfig(m, x, clock),
      infra: renderOpenStackMachine(m, x, clock),
      server: renderOpenStackServer(m, x, clock),
    });
  }
  return {
    model: m,
    cloudSecret: renderCloudConfigSecret(m),
    cluster: renderCluster(m, clock),
    templates,
    openStackCluster: renderOpenStackCluster(m, clock),
    controlPlane: renderControlPlane(m, clock),
    kubeconfig:
      m.cpInitialized && m.hasEndpoint ? renderKubeconfigSecret(m) : undefined,
    machineDeployments: new Map(
      m.pools.map(p => [p.topologyName, renderMachineDeployment(m, p, clock)]),
    ),
    machineSets: new Map(
      m.pools.map(p => [p.topologyName, renderMachineSet(m, p, clock)]),
    ),
    machines,
    bastion: m.bastion ? renderBastionServer(m, m.bastion, clock) : undefined,
    healthChecks: m.pools.map(p => renderHealthCheck(m, p, clock)),
  };
}

/**
 * Creation order: the Cluster first (it owns most objects; references by name
 * need no target), then owners before what they own.
 */
export function clusterObjectsInOrder(r: RenderedCluster): SeedObject[] {
  const machines = [...r.machines.values()];
  return [
    r.cluster,
    ...r.templates,
    r.openStackCluster,
    r.controlPlane,
    ...(r.kubeconfig ? [r.kubeconfig] : []),
    ...r.machineDeployments.values(),
    ...r.machineSets.values(),
    ...machines.map(x => x.machine),
    ...machines.map(x => x.bootstrap),
    ...machines.map(x => x.infra),
    ...machines.map(x => x.server),
    ...(r.bastion ? [r.bastion] : []),
    ...r.healthChecks,
  ];
}
