/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Link } from '@backstage/core-components';
import {
  Box,
  Checkbox,
  Chip,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Tooltip,
  Typography,
} from '@material-ui/core';
import {
  clusterKey,
  clusterPathSegments,
  ClusterSummary,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { memo } from 'react';
import { age, readyOfDesired, shortRef } from '../../lib/format';
import { VerdictChip } from '../VerdictChip';

export type FleetSort =
  | 'name'
  | 'namespace'
  | 'managementCluster'
  | 'verdict'
  | 'version'
  | 'owner'
  | 'age';

const useStyles = makeStyles(theme => ({
  reason: {
    color: theme.palette.text.secondary,
    maxWidth: 200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  // Short values (names, versions, counters) never wrap mid-word; the reason is the column that gives way.
  cell: { whiteSpace: 'nowrap' },
  scroll: { overflowX: 'auto' },
  magnum: { marginLeft: theme.spacing(1) },
}));

/** Path of a cluster's page relative to the fleet page. */
export function clusterPagePath(c: ClusterSummary): string {
  return `clusters/${clusterPathSegments(c)}`;
}

/** The fix guide of a row's first reason: cause, next step, the controller's words. */
function ReasonTooltip({ reason }: { reason: ClusterSummary['reasons'][number] }) {
  const message = reason.message ?? reason.reason ?? '';
  if (!reason.fix) return <>{message}</>;
  return (
    <>
      <div>{reason.fix.summary}</div>
      <div style={{ marginTop: 4 }}>
        <strong>Next step:</strong> {reason.fix.nextStep}
      </div>
      {message && <div style={{ marginTop: 4, opacity: 0.8 }}>{message}</div>}
    </>
  );
}

/** One row; memoised so a stream update re-renders only the rows it replaced. */
const FleetRow = memo(function FleetRowContent({
  cluster,
  linkPrefix,
  showManagementCluster,
  selected,
  onSelect,
}: {
  cluster: ClusterSummary;
  linkPrefix: string;
  showManagementCluster: boolean;
  /** With `onSelect`: the row has a checkbox (fleet-wide actions). */
  selected?: boolean;
  onSelect?(cluster: ClusterSummary, selected: boolean): void;
}) {
  const classes = useStyles();
  const reason = cluster.reasons[0];
  let versions = cluster.versions;
  if (!versions.length) versions = cluster.version ? [cluster.version] : [];
  return (
    <TableRow hover data-cluster={clusterKey(cluster)}>
      {onSelect && (
        <TableCell padding="checkbox">
          <Checkbox
            checked={Boolean(selected)}
            onChange={e => onSelect(cluster, e.target.checked)}
            inputProps={{ 'aria-label': `Select ${cluster.name}` }}
          />
        </TableCell>
      )}
      <TableCell className={classes.cell}>
        <Link to={`${linkPrefix}${clusterPagePath(cluster)}`}>
          {cluster.name}
        </Link>
        {cluster.magnum && (
          <Tooltip title="Made by OpenStack Magnum: change it through Magnum">
            <Chip
              className={classes.magnum}
              size="small"
              variant="outlined"
              label="Magnum"
            />
          </Tooltip>
        )}
      </TableCell>
      <TableCell className={classes.cell}>
        <Box display="flex" alignItems="center">
          <VerdictChip verdict={cluster.verdict} />
          {cluster.hibernated && (
            <Tooltip
              title={`Hibernated${cluster.hibernated.since ? ` since ${new Date(cluster.hibernated.since).toLocaleString()}` : ''}${
                cluster.hibernated.by ? ` by ${cluster.hibernated.by}` : ''
              }: worker pools at 0`}
            >
              <Chip size="small" variant="outlined" label="Hibernated" style={{ marginLeft: 8 }} />
            </Tooltip>
          )}
          {cluster.hibernationSchedule?.next && (
            <Tooltip
              title={`Hibernates at "${cluster.hibernationSchedule.hibernate}", wakes at "${cluster.hibernationSchedule.wake}" (${cluster.hibernationSchedule.timeZone})`}
            >
              <Chip
                size="small"
                variant="outlined"
                style={{ marginLeft: 8 }}
                label={`${cluster.hibernationSchedule.next.action === 'hibernate' ? 'Hibernates' : 'Wakes'} ${new Date(
                  cluster.hibernationSchedule.next.at,
                ).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}`}
              />
            </Tooltip>
          )}
          {reason && (
            <Tooltip title={<ReasonTooltip reason={reason} />}>
              <Typography
                variant="body2"
                className={classes.reason}
                component="span"
                style={{ marginLeft: 8 }}
                data-cause={reason.fix?.cause}
              >
                {reason.fix?.needsAction ? 'Needs action: ' : ''}
                {reason.fix?.summary ?? reason.message ?? reason.reason}
              </Typography>
            </Tooltip>
          )}
        </Box>
      </TableCell>
      {showManagementCluster && (
        <TableCell className={classes.cell}>
          {cluster.managementCluster}
        </TableCell>
      )}
      <TableCell className={classes.cell}>{cluster.namespace}</TableCell>
      <TableCell className={classes.cell}>{shortRef(cluster.owner)}</TableCell>
      <TableCell className={classes.cell}>{versions.join(', ')}</TableCell>
      <TableCell
        className={classes.cell}
        aria-label="control plane ready/desired"
      >
        {readyOfDesired(cluster.controlPlane)}
      </TableCell>
      <TableCell className={classes.cell} aria-label="workers ready/desired">
        {readyOfDesired(cluster.workers)}
      </TableCell>
      <TableCell className={classes.cell}>{age(cluster.createdAt)}</TableCell>
    </TableRow>
  );
});

const COLUMNS: Array<{ label: string; sort?: FleetSort }> = [
  { label: 'Name', sort: 'name' },
  { label: 'Verdict', sort: 'verdict' },
  { label: 'Management cluster', sort: 'managementCluster' },
  { label: 'Namespace', sort: 'namespace' },
  { label: 'Owner', sort: 'owner' },
  { label: 'Kubernetes', sort: 'version' },
  { label: 'Control plane' },
  { label: 'Workers' },
  { label: 'Age', sort: 'age' },
];

interface Props {
  rows: ClusterSummary[];
  totalCount: number;
  page: number;
  pageSize: number;
  sort: FleetSort;
  order: 'asc' | 'desc';
  /** Prefix of cluster links (relative to the fleet page by default). */
  linkPrefix?: string;
  /** The management cluster column (default true; pointless with a single one). */
  showManagementCluster?: boolean;
  onPage(page: number): void;
  onPageSize(size: number): void;
  onSort(sort: FleetSort, order: 'asc' | 'desc'): void;
  /** Row checkboxes for fleet-wide actions; absent: none. */
  selection?: {
    keys: ReadonlySet<string>;
    onSelect(cluster: ClusterSummary, selected: boolean): void;
    /** Selects or clears every row of this page. */
    onSelectPage(selected: boolean): void;
  };
}

/** The fleet: one server-side page at a time. */
export function FleetTable(props: Props) {
  const classes = useStyles();
  const showManagementCluster = props.showManagementCluster ?? true;
  const columns = showManagementCluster ? COLUMNS : COLUMNS.filter(c => c.sort !== 'managementCluster');
  return (
    <>
      <div className={classes.scroll}>
        <Table size="small" aria-label="Workload clusters">
          <TableHead>
            <TableRow>
              {props.selection && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={props.rows.length > 0 && props.rows.every(r => props.selection!.keys.has(clusterKey(r)))}
                    indeterminate={
                      props.rows.some(r => props.selection!.keys.has(clusterKey(r))) &&
                      !props.rows.every(r => props.selection!.keys.has(clusterKey(r)))
                    }
                    onChange={e => props.selection!.onSelectPage(e.target.checked)}
                    inputProps={{ 'aria-label': 'Select every cluster of this page' }}
                  />
                </TableCell>
              )}
              {columns.map(col => (
                <TableCell key={col.label} className={classes.cell}>
                  {col.sort ? (
                    <TableSortLabel
                      active={props.sort === col.sort}
                      direction={props.sort === col.sort ? props.order : 'asc'}
                      onClick={() =>
                        props.onSort(
                          col.sort!,
                          props.sort === col.sort && props.order === 'asc'
                            ? 'desc'
                            : 'asc',
                        )
                      }
                    >
                      {col.label}
                    </TableSortLabel>
                  ) : (
                    col.label
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map(cluster => (
              <FleetRow
                key={clusterKey(cluster)}
                cluster={cluster}
                linkPrefix={props.linkPrefix ?? ''}
                showManagementCluster={showManagementCluster}
                selected={props.selection?.keys.has(clusterKey(cluster))}
                onSelect={props.selection?.onSelect}
              />
            ))}
          </TableBody>
        </Table>
      </div>
      <TablePagination
        component="div"
        count={props.totalCount}
        page={props.page}
        rowsPerPage={props.pageSize}
        rowsPerPageOptions={[25, 50, 100, 250]}
        onPageChange={(_e, page) => props.onPage(page)}
        onRowsPerPageChange={e => props.onPageSize(Number(e.target.value))}
      />
    </>
  );
}
