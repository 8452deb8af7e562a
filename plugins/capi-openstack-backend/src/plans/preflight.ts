/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Preflight: what a change needs from the cloud (servers × flavor at the
// peak of a rolling change, floating IPs, a load balancer, volumes) against
// the project's quota headroom, and whether the flavors, image, network, key
// pair and availability zones it names exist. Pure: lists in, result out.

import {
  OpenStackFlavor,
  OpenStackQuota,
  OpenStackResourcesResponse,
  PreflightCheck,
  PreflightNeeds,
  PreflightResult,
  worstPreflightStatus,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Servers of one flavor added at the same time. */
export interface ServerGroup {
  /** e.g. "pool md-0", "the control plane". */
  what: string;
  /** Nova flavor name (undefined: unknown, e.g. a class default). */
  flavor?: string;
  count: number;
  /** Root volume per server (GiB), when the machines boot from volume. */
  rootVolumeGiB?: number;
}

/** Replicas replaced, `surge` at a time (maxSurge), by servers of another flavor. */
export interface FlavorRollout {
  what: string;
  from?: string;
  to: string;
  replicas: number;
  /** Machines created ahead of the ones they replace (default 1). */
  surge?: number;
}

/** What a change asks of the cloud; derived from the objects by `requirements.ts`. */
export interface ChangeRequirements {
  /**
   * Servers added, by phase: phases run one after another (e.g. the control
   * plane, then the pools of an upgrade); the peak is the largest phase.
   */
  phases: ServerGroup[][];
  rollout?: FlavorRollout;
  /** Flavors that must exist (beyond those of the phases and the rollout). */
  flavors?: string[];
  /**
   * The image new machines boot: by name, else any image of the version.
   * `namePrefix`: the name may carry `-<version>` (CAPO's `addImageVersion`).
   */
  image?: { kubernetesVersion?: string; name?: string; namePrefix?: boolean };
  keyPair?: string;
  externalNetwork?: string;
  availabilityZones?: string[];
  floatingIps?: number;
  loadBalancers?: number;
  securityGroups?: number;
  /** Ports beyond one per server (load balancer VIP, router interface). */
  extraPorts?: number;
  /**
   * The servers may be added later rather than by this change (autoscaler
   * bounds): a quota too small is a warning that says this, not a failure.
   */
  advisory?: string;
}

/** Lists the preflight reads (a cloud answer or a configured fallback). */
export type PreflightInputs = Pick<
  OpenStackResourcesResponse,
  'available' | 'message' | 'flavors' | 'images' | 'networks' | 'keyPairs' | 'availabilityZones' | 'quotas'
>;

export interface PreflightOptions {
  /** Usage above this share of a quota after the change is a warning (default 0.9). */
  warnAboveRatio?: number;
}

const QUOTA_LABELS: Record<string, { label: string; need: keyof PreflightNeeds | 'gigabytes'; unit?: 'MiB' }> = {
  'compute:instances': { label: 'Nova instances', need: 'instances' },
  'compute:cores': { label: 'Nova cores', need: 'cores' },
  'compute:ram': { label: 'Nova RAM', need: 'ram', unit: 'MiB' },
  'network:floatingip': { label: 'Neutron floating IPs', need: 'floatingIps' },
  'network:port': { label: 'Neutron ports', need: 'ports' },
  'network:security_group': { label: 'Neutron security groups', need: 'securityGroups' },
  'load-balancer:loadbalancer': { label: 'Octavia load balancers', need: 'loadBalancers' },
  'volume:volumes': { label: 'Cinder volumes', need: 'volumes' },
  'volume:gigabytes': { label: 'Cinder gigabytes', need: 'gigabytes' },
};

function amount(n: number, unit?: 'MiB'): string {
  if (unit === 'MiB') return `${Math.round((n / 1024) * 10) / 10} GiB`;
  return String(n);
}

function describeFlavor(f: OpenStackFlavor): string {
  if (f.vcpus === undefined) return f.name;
  return `${f.name} (${f.vcpus} vCPUs, ${amount(f.ram ?? 0, 'MiB')} RAM)`;
}

/** Peak additional usage of the change; `unknownFlavors` could not be sized. */
export function computeNeeds(
  req: ChangeRequirements,
  flavors: OpenStackFlavor[],
): { needs: PreflightNeeds & { gigabytes: number }; unknownFlavors: string[] } {
  const byName = new Map(flavors.map(f => [f.name, f]));
  const unknownFlavors = new Set<string>();
  const size = (name: string | undefined) => {
    const f = name ? byName.get(name) : undefined;
    if (name && (!f || f.vcpus === undefined)) unknownFlavors.add(name);
    return { vcpus: f?.vcpus ?? 0, ram: f?.ram ?? 0 };
  };
  const peak = { instances: 0, cores: 0, ram: 0, volumes: 0, gigabytes: 0 };
  for (const phase of req.phases) {
    const sum = { instances: 0, cores: 0, ram: 0, volumes: 0, gigabytes: 0 };
    for (const g of phase) {
      if (g.count <= 0) continue;
      const s = size(g.flavor);
      sum.instances += g.count;
      sum.cores += g.count * s.vcpus;
      sum.ram += g.count * s.ram;
      if (g.rootVolumeGiB) {
        sum.volumes += g.count;
        sum.gigabytes += g.count * g.rootVolumeGiB;
      }
    }
    for (const k of Object.keys(peak) as Array<keyof typeof peak>) peak[k] = Math.max(peak[k], sum[k]);
  }
  if (req.rollout && req.rollout.replicas > 0) {
    // k machines replaced plus `surge` new ones ahead of them:
    // surge·new + k·(new − old), largest at k = 0 or k = replicas − surge.
    // An unknown old size counts as the new one (the smallest possible peak:
    // never a false refusal; the sizing warning says so).
    const surge = Math.min(Math.max(1, req.rollout.surge ?? 1), req.rollout.replicas);
    const to = size(req.rollout.to);
    const fromKnown = req.rollout.from && byName.get(req.rollout.from)?.vcpus !== undefined;
    const from = fromKnown ? size(req.rollout.from) : to;
    if (req.rollout.from && !fromKnown) unknownFlavors.add(req.rollout.from);
    const peakOf = (n: number, o: number) => surge * n + Math.max(0, (req.rollout!.replicas - surge) * (n - o));
    peak.instances = Math.max(peak.instances, surge);
    peak.cores = Math.max(peak.cores, peakOf(to.vcpus, from.vcpus));
    peak.ram = Math.max(peak.ram, peakOf(to.ram, from.ram));
  }
  return {
    needs: {
      instances: peak.instances,
      cores: peak.cores,
      ram: peak.ram,
      floatingIps: req.floatingIps ?? 0,
      ports: peak.instances + (req.extraPorts ?? 0),
      securityGroups: req.securityGroups ?? 0,
      loadBalancers: req.loadBalancers ?? 0,
      volumes: peak.volumes,
      gigabytes: peak.gigabytes,
    },
    unknownFlavors: [...unknownFlavors],
  };
}

function quotaCheck(q: OpenStackQuota, need: number, warnAbove: number): PreflightCheck | undefined {
  const meta = QUOTA_LABELS[`${q.service}:${q.resource}`];
  if (!meta || need <= 0) return undefined;
  const id = `quota:${q.service}:${q.resource}`;
  const fmt = (n: number) => amount(n, meta.unit);
  if (q.limit < 0) return { id, status: 'pass', message: `${meta.label}: needs ${fmt(need)} more, the quota is unlimited.` };
  const used = q.inUse + (q.reserved ?? 0);
  const left = Math.max(0, q.limit - used);
  if (need > left) {
    return {
      id,
      status: 'fail',
      message: `${meta.label}: the change needs ${fmt(need)} more, but only ${fmt(left)} of ${fmt(q.limit)} are left (${fmt(used)} in use). Ask for a higher quota or make the change smaller.`,
    };
  }
  const after = used + need;
  if (q.limit > 0 && after / q.limit > warnAbove) {
    return {
      id,
      status: 'warn',
      message: `${meta.label}: the change needs ${fmt(need)} more; ${fmt(after)} of ${fmt(q.limit)} would be in use (${Math.round((after / q.limit) * 100)}%).`,
    };
  }
  return { id, status: 'pass', message: `${meta.label}: needs ${fmt(need)} more, ${fmt(left)} of ${fmt(q.limit)} are left.` };
}

function listNames(names: string[], max = 8): string {
  if (!names.length) return 'none';
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ');
}

/** Whether the change asks nothing of the cloud (e.g. a scale-down). */
export function asksNothing(req: ChangeRequirements): boolean {
  return (
    req.phases.every(p => p.every(g => g.count <= 0)) &&
    !req.rollout &&
    !req.image &&
    !req.keyPair &&
    !req.externalNetwork &&
    !req.availabilityZones?.length &&
    !req.floatingIps &&
    !req.loadBalancers
  );
}

/** The 422 message of a failed preflight: every failing check. */
export function refusalMessage(result: PreflightResult): string {
  const failed = result.checks.filter(c => c.status === 'fail').map(c => c.message);
  return `Preflight failed: ${failed.join(' ')} Send force: true to apply anyway.`;
}

/** The preflight of a change against the cloud's lists and quotas. */
export function runPreflight(req: ChangeRequirements, cloud: PreflightInputs, options: PreflightOptions = {}): PreflightResult {
  const warnAbove = options.warnAboveRatio ?? 0.9;
  const checks: PreflightCheck[] = [];
  const { needs } = computeNeeds(req, cloud.flavors);
  if (!cloud.available) {
    checks.push({
      id: 'cloud',
      status: 'warn',
      message: `OpenStack could not be checked (${(cloud.message ?? 'unreachable').replace(/; showing the configured lists$/, '')}): quota and resources were not verified.`,
    });
  }

  // Flavors: every flavor the change names must exist.
  const flavorNames = new Set<string>(req.flavors ?? []);
  for (const phase of req.phases) for (const g of phase) if (g.flavor && g.count > 0) flavorNames.add(g.flavor);
  if (req.rollout) flavorNames.add(req.rollout.to);
  const flavorsByName = new Map(cloud.flavors.map(f => [f.name, f]));
  for (const name of cloud.available ? flavorNames : []) {
    const f = flavorsByName.get(name);
    if (f) checks.push({ id: `flavor:${name}`, status: 'pass', message: `Flavor ${describeFlavor(f)} exists.` });
    else {
      checks.push({
        id: `flavor:${name}`,
        status: 'fail',
        message: `Flavor ${name} does not exist in this project (available: ${listNames(cloud.flavors.map(x => x.name))}).`,
      });
    }
  }

  if (req.image && cloud.available) {
    const { name, kubernetesVersion: v, namePrefix } = req.image;
    const match = name
      ? cloud.images.find(i => i.name === name || i.id === name || (namePrefix && v && i.name === `${name}-${v}`))
      : cloud.images.find(i => i.kubernetesVersion === v);
    const forVersion = v ? ` for Kubernetes ${v}` : '';
    if (match && v && match.kubernetesVersion && match.kubernetesVersion !== v) {
      checks.push({
        id: 'image',
        status: 'fail',
        message: `Image ${match.name} is built for Kubernetes ${match.kubernetesVersion}, not ${v}. Choose an image of ${v}.`,
      });
    } else if (match) {
      checks.push({ id: 'image', status: 'pass', message: `Image ${match.name}${forVersion} is available.` });
    } else {
      const candidates = cloud.images.filter(i => i.kubernetesVersion).map(i => `${i.name} (${i.kubernetesVersion})`);
      checks.push({
        id: 'image',
        status: 'fail',
        message: `No active image${name ? ` named ${name}` : ''}${forVersion} in Glance (Kubernetes images: ${listNames(candidates, 5)}). Upload it first.`,
      });
    }
  }

  if (req.keyPair && cloud.available) {
    const ok = cloud.keyPairs.some(k => k.name === req.keyPair);
    checks.push({
      id: 'keyPair',
      status: ok ? 'pass' : 'fail',
      message: ok
        ? `Key pair ${req.keyPair} exists.`
        : `Key pair ${req.keyPair} does not exist for this credential's user (key pairs: ${listNames(cloud.keyPairs.map(k => k.name))}).`,
    });
  }

  if (req.externalNetwork && cloud.available) {
    const n = cloud.networks.find(x => x.id === req.externalNetwork || x.name === req.externalNetwork);
    const externals = cloud.networks.filter(x => x.external).map(x => x.name);
    let check: PreflightCheck;
    if (!n) {
      check = { id: 'externalNetwork', status: 'fail', message: `Network ${req.externalNetwork} does not exist (external networks: ${listNames(externals)}).` };
    } else if (n.external) {
      check = { id: 'externalNetwork', status: 'pass', message: `External network ${n.name} exists.` };
    } else {
      check = {
        id: 'externalNetwork',
        status: 'fail',
        message: `Network ${n.name} is not external: floating IPs cannot come from it (external networks: ${listNames(externals)}).`,
      };
    }
    checks.push(check);
  }

  if (cloud.available) {
    for (const az of req.availabilityZones ?? []) {
      const z = cloud.availabilityZones.find(x => x.name === az);
      const id = `availabilityZone:${az}`;
      if (!z) {
        checks.push({ id, status: 'fail', message: `Availability zone ${az} does not exist (zones: ${listNames(cloud.availabilityZones.map(x => x.name))}).` });
      } else if (z.available) {
        checks.push({ id, status: 'pass', message: `Availability zone ${az} is available.` });
      } else {
        checks.push({ id, status: 'warn', message: `Availability zone ${az} exists but is not available right now.` });
      }
    }
  }

  if (cloud.available) {
    const sized = [...flavorNames].every(f => flavorsByName.get(f)?.vcpus !== undefined);
    const rolloutFromUnknown = !!req.rollout && !(req.rollout.from && flavorsByName.get(req.rollout.from)?.vcpus !== undefined);
    const unsized = req.phases.flat().some(g => g.count > 0 && !g.flavor) || rolloutFromUnknown;
    if (unsized) {
      checks.push({
        id: 'quota:sizing',
        status: 'warn',
        message:
          'The flavor of some machines is not known here (a class default, or a flavor the project no longer offers): their cores and RAM are counted at the least they could need.',
      });
    }
    if (sized) {
      for (const q of cloud.quotas) {
        const meta = QUOTA_LABELS[`${q.service}:${q.resource}`];
        if (!meta) continue;
        const c = quotaCheck(q, (needs as any)[meta.need] ?? 0, warnAbove);
        if (c && req.advisory && c.status === 'fail') {
          checks.push({ ...c, status: 'warn', message: `${c.message.replace(/ Ask for .*$/, '')} ${req.advisory}` });
        } else if (c) checks.push(c);
      }
      if ((req.loadBalancers ?? 0) > 0 && !cloud.quotas.some(q => q.service === 'load-balancer')) {
        checks.push({
          id: 'quota:load-balancer',
          status: 'warn',
          message: 'Octavia (load-balancer) did not report a quota: the API server load balancer could not be checked.',
        });
      }
    }
  }

  const status = worstPreflightStatus(checks.map(c => c.status));
  const failed = checks.filter(c => c.status === 'fail');
  const warned = checks.filter(c => c.status === 'warn');
  let summary = 'Preflight passed: the quota and the resources the change needs are there.';
  if (status === 'fail') {
    summary = `Preflight failed: ${failed.map(c => c.message.split(/[:(]/)[0].trim().replace(/\.$/, '')).join('; ')}.`;
  } else if (status === 'warn') {
    summary = `Preflight passed with ${warned.length} warning${warned.length > 1 ? 's' : ''}.`;
  }
  const { gigabytes: _gb, ...plainNeeds } = needs;
  return { status, summary, checks, needs: plainNeeds };
}
