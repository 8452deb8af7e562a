/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard, MissingAnnotationEmptyState, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useClusterDetail } from '../../hooks/useClusterDetail';
import { clusterRefFromEntity } from '../../lib/entityRef';
import { explainReason } from '../../lib/explainReason';
import { readyOfDesired } from '../../lib/format';
import { happeningNow } from '../../lib/happeningNow';
import { ManagementClusterBanners } from '../ManagementClusterBanners';
import { VerdictChip } from '../VerdictChip';

function OverviewBody({ cluster }: { cluster: ClusterRef }) {
  const state = useClusterDetail(cluster);
  if (state.loading && !state.detail) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const detail = state.detail!;
  const { summary, health, tree } = detail;
  const now = happeningNow(tree);
  return (
    <>
      <ManagementClusterBanners managementClusters={[detail.managementCluster]} />
      <Box display="flex" alignItems="center" mb={1}>
        <VerdictChip verdict={health.verdict} size="medium" />
        {summary.magnum && (
          <Typography variant="body2" style={{ marginLeft: 8 }}>
            Magnum (read-only here)
          </Typography>
        )}
      </Box>
      {now.length > 0 && <Typography variant="body2">Now: {now.join(' · ')}</Typography>}
      {health.reasons.slice(0, 3).map((r, i) => (
        <Typography key={i} variant="body2" color={r.severity === 'error' ? 'error' : 'textPrimary'}>
          {explainReason(r).summary}
        </Typography>
      ))}
      <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
        Kubernetes {summary.versions.join(', ') || summary.version || '?'} · control plane {readyOfDesired(summary.controlPlane)} ·
        workers {readyOfDesired(summary.workers)} · {cluster.managementCluster}/{cluster.namespace}
      </Typography>
    </>
  );
}

/** Overview card of a `kubernetes-cluster` resource entity: verdict, now, top reasons, counters. */
export function EntityClusterOverviewCard() {
  const { entity } = useEntity();
  const ref = clusterRefFromEntity(entity);
  return (
    <InfoCard title="Cluster health">
      {ref ? (
        <OverviewBody cluster={ref} />
      ) : (
        <MissingAnnotationEmptyState annotation={[ANNOTATION_MANAGEMENT_CLUSTER, ANNOTATION_CLUSTER_REF]} />
      )}
    </InfoCard>
  );
}
