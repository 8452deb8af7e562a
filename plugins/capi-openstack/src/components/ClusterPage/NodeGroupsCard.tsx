/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { Box, TableCell, TableRow, Typography } from '@material-ui/core';
import type {
  ClusterTree,
  FlavorInfo,
  ImageInfo,
  ReplicaCounters,
  VersionCount,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { relativeDays } from '../../lib/format';
import { ActionKind } from '../../lib/actionAvailability';
import { CONTROL_PLANE, NodeGroupTarget, poolName } from '../../lib/targets';
import { NoWrapTable } from '../NoWrapTable';
import { ActionButton } from './ActionButton';

export type OpenAction = (kind: ActionKind, target?: NodeGroupTarget) => void;
export type DisabledReason = (
  kind: ActionKind,
  target?: NodeGroupTarget,
) => string | undefined;

export function flavorText(f?: FlavorInfo): string {
  return f?.name ?? f?.id ?? f?.resolvedId ?? '—';
}

export function imageText(i?: ImageInfo): string {
  return (
    i?.name ??
    i?.imageRef ??
    i?.id ??
    i?.resolvedId ??
    (i?.tags?.length ? `tags ${i.tags.join(',')}` : '—')
  );
}

const n = (v?: number) => (v === undefined ? '?' : String(v));
const versionsText = (desired?: string, versions: VersionCount[] = []) =>
  versions.length
    ? versions.map(v => `${v.version} ×${n(v.replicas)}`).join(', ')
    : desired ?? '—';

function Counters({ c }: { c: ReplicaCounters }) {
  return (
    <>
      <TableCell>
        {n(c.ready)}/{n(c.desired ?? c.replicas)}
      </TableCell>
      <TableCell>{n(c.upToDate)}</TableCell>
    </>
  );
}

const GROUP_COLUMNS = ['Group', 'Ready/desired', 'Up to date', 'Versions', 'Flavor', 'Image', 'Autoscaler', 'Actions'];

type GroupAction = Extract<ActionKind, 'scale' | 'autoscaler' | 'flavor' | 'restart'>;

const LABELS: Record<GroupAction, string> = {
  scale: 'Scale',
  autoscaler: 'Autoscaler',
  flavor: 'Flavor',
  restart: 'Restart',
};

/** Control plane and worker pools: counters, versions, flavor, image, autoscaler, certificates, actions. */
export function NodeGroupsCard(props: {
  tree: ClusterTree;
  onAction: OpenAction;
  disabledReason: DisabledReason;
}) {
  const { tree, onAction, disabledReason } = props;
  const cp = tree.controlPlane;
  // Control plane buttons are named by their text ("Scale"); pool buttons by
  // an aria-label naming the pool ("Scale pool md-0"), so each name is unique.
  const buttons = (kinds: GroupAction[], target: NodeGroupTarget) =>
    kinds.map(kind => (
      <ActionButton
        key={kind}
        aria-label={target.type === 'pool' ? `${LABELS[kind]} pool ${target.pool}` : undefined}
        onClick={() => onAction(kind, target)}
        disabledReason={disabledReason(kind, target)}
      >
        {LABELS[kind]}
      </ActionButton>
    ));
  return (
    <InfoCard title="Control plane and pools">
      <NoWrapTable columns={GROUP_COLUMNS}>
        <TableRow data-group="control-plane">
          <TableCell>
            Control plane
            <Typography
              variant="caption"
              display="block"
              color="textSecondary"
            >
              {cp ? `${cp.kind} ${cp.name}` : 'not reported'}
            </Typography>
          </TableCell>
          <Counters c={cp?.counters ?? tree.counters.controlPlane} />
          <TableCell>{versionsText(cp?.version, cp?.versions)}</TableCell>
          <TableCell>{flavorText(cp?.flavor)}</TableCell>
          <TableCell>{imageText(cp?.image)}</TableCell>
          <TableCell>—</TableCell>
          <TableCell>{buttons(['scale', 'flavor', 'restart'], CONTROL_PLANE)}</TableCell>
        </TableRow>
        {tree.pools.map(pool => {
          const name = poolName(pool);
          const target: NodeGroupTarget = { type: 'pool', pool: name };
          return (
            <TableRow key={pool.name} data-group={`pool-${name}`}>
              <TableCell>
                Pool {name}
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {pool.class ? `class ${pool.class}` : pool.name}
                  {pool.failureDomain ? `, zone ${pool.failureDomain}` : ''}
                </Typography>
              </TableCell>
              <Counters c={pool.counters} />
              <TableCell>
                {versionsText(
                  pool.version,
                  pool.machineSets
                    .filter(ms => ms.version)
                    .map(ms => ({
                      version: ms.version!,
                      replicas: ms.counters.replicas,
                    })),
                )}
              </TableCell>
              <TableCell>{flavorText(pool.flavor)}</TableCell>
              <TableCell>{imageText(pool.image)}</TableCell>
              <TableCell>
                {pool.autoscaler
                  ? `${n(pool.autoscaler.min)}–${n(pool.autoscaler.max)}`
                  : 'off'}
              </TableCell>
              <TableCell>{buttons(['scale', 'autoscaler', 'flavor', 'restart'], target)}</TableCell>
            </TableRow>
          );
        })}
      </NoWrapTable>
      {cp && cp.certificates.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2">
            Control plane certificates
          </Typography>
          {cp.certificates.map(c => (
            <Typography key={c.machine} variant="body2">
              {c.machine}: expire {relativeDays(c.expiry)}
              {c.expiry ? ` (${new Date(c.expiry).toLocaleDateString()})` : ''}
            </Typography>
          ))}
          {cp.rollout.before?.certificatesExpiryDays !== undefined && (
            <Typography variant="body2" color="textSecondary">
              Machines are replaced automatically{' '}
              {cp.rollout.before.certificatesExpiryDays} days before expiry.
            </Typography>
          )}
        </Box>
      )}
    </InfoCard>
  );
}
