/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  CERTIFICATES_EXPIRY_ANNOTATION,
  CLUSTER_NAME_LABEL,
  CONTROL_PLANE_LABEL,
  DEPLOYMENT_NAME_LABEL,
  PAUSED_ANNOTATION,
  SET_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition } from './conditions';
import {
  ClusterObjects,
  KubeObject,
  annotationOf,
  hasLabel,
  labelOf,
  ownerOf,
  refName,
  str,
} from './objects';

/**
 * Links between the objects of one cluster. Children are found by label
 * first and by owner reference as a fallback; refs are read by name, which
 * works for v1beta2 `{apiGroup,kind,name}` and v1beta1
 * `{apiVersion,kind,name,namespace}` alike.
 */

/** Drops objects labelled for another cluster (objects without the label are kept). */
export function scopeToCluster(objs: ClusterObjects): ClusterObjects {
  const name = objs.cluster.metadata.name;
  const mine = (o: KubeObject) => {
    const l = labelOf(o, CLUSTER_NAME_LABEL);
    return l === undefined || l === name;
  };
  return {
    ...objs,
    machineDeployments: objs.machineDeployments.filter(mine),
    machineSets: objs.machineSets.filter(mine),
    machines: objs.machines.filter(mine),
    openStackMachines: objs.openStackMachines.filter(mine),
    openStackServers: objs.openStackServers.filter(mine),
    machineHealthChecks: objs.machineHealthChecks.filter(mine),
    kubeadmConfigs: objs.kubeadmConfigs?.filter(mine),
    openStackMachineTemplates: objs.openStackMachineTemplates?.filter(mine),
  };
}

/** Control-plane Machines carry `cluster.x-k8s.io/control-plane` (value ""). */
export function isControlPlaneMachine(m: KubeObject): boolean {
  return (
    hasLabel(m, CONTROL_PLANE_LABEL) ||
    ownerOf(m, 'KubeadmControlPlane') !== undefined
  );
}

/** Name of the MachineSet of a Machine. */
export function machineSetNameOf(m: KubeObject): string | undefined {
  return labelOf(m, SET_NAME_LABEL) ?? ownerOf(m, 'MachineSet')?.name;
}

/** Name of the MachineDeployment of a MachineSet or Machine. */
export function deploymentNameOf(
  o: KubeObject,
  machineSets: KubeObject[] = [],
): string | undefined {
  const direct =
    labelOf(o, DEPLOYMENT_NAME_LABEL) ?? ownerOf(o, 'MachineDeployment')?.name;
  if (direct) return direct;
  if (o.kind === 'Machine') {
    const msName = machineSetNameOf(o);
    const ms = machineSets.find(x => x.metadata.name === msName);
    return ms ? deploymentNameOf(ms) : undefined;
  }
  return undefined;
}

/** The OpenStackMachine of a Machine (`spec.infrastructureRef`, else owner reference). */
export function openStackMachineOf(
  m: KubeObject,
  openStackMachines: KubeObject[],
): KubeObject | undefined {
  const name = refName(m.spec?.infrastructureRef);
  if (name) {
    const byRef = openStackMachines.find(o => o.metadata.name === name);
    if (byRef) return byRef;
  }
  return openStackMachines.find(
    o => ownerOf(o, 'Machine')?.name === m.metadata.name,
  );
}

/** The OpenStackServer of an OpenStackMachine (same name, or owned by it). */
export function openStackServerOf(
  osm: KubeObject | undefined,
  servers: KubeObject[],
  fallbackName?: string,
): KubeObject | undefined {
  const name = osm?.metadata.name ?? fallbackName;
  if (!name) return undefined;
  return (
    servers.find(s => s.metadata.name === name) ??
    servers.find(s => ownerOf(s, 'OpenStackMachine')?.name === name)
  );
}

/**
 * True for the bastion server: named in OpenStackCluster `status.bastion`,
 * named `<cluster>-bastion`, or owned by the OpenStackCluster.
 */
export function isBastionServer(
  server: KubeObject,
  clusterName: string,
  openStackCluster?: KubeObject,
): boolean {
  const n = server.metadata.name;
  if (n === str(openStackCluster?.status?.bastion?.name)) return true;
  if (n === `${clusterName}-bastion`) return true;
  return ownerOf(server, 'OpenStackCluster') !== undefined;
}

/** The bastion OpenStackServer, if any. */
export function bastionServerOf(objs: ClusterObjects): KubeObject | undefined {
  return objs.openStackServers.find(s =>
    isBastionServer(s, objs.cluster.metadata.name, objs.openStackCluster),
  );
}

/**
 * Certificate expiry of a control-plane Machine: `status.certificatesExpiryDate`,
 * else the `machine.cluster.x-k8s.io/certificates-expiry` annotation on the
 * Machine or on its KubeadmConfig (where CABPK sets it).
 */
export function certificatesExpiryOf(
  m: KubeObject,
  kubeadmConfigs: KubeObject[] = [],
): string | undefined {
  const direct =
    str(m.status?.certificatesExpiryDate) ??
    str(annotationOf(m, CERTIFICATES_EXPIRY_ANNOTATION));
  if (direct) return direct;
  const cfgName = refName(m.spec?.bootstrap?.configRef);
  const cfg =
    kubeadmConfigs.find(c => cfgName && c.metadata.name === cfgName) ??
    kubeadmConfigs.find(c => ownerOf(c, 'Machine')?.name === m.metadata.name);
  return str(annotationOf(cfg, CERTIFICATES_EXPIRY_ANNOTATION));
}

/** Paused by `spec.paused`, the `cluster.x-k8s.io/paused` annotation or a `Paused=True` condition. */
export function isClusterPaused(cluster: KubeObject): boolean {
  return (
    cluster.spec?.paused === true ||
    annotationOf(cluster, PAUSED_ANNOTATION) !== undefined ||
    getCondition(cluster, 'Paused')?.status === 'True'
  );
}
