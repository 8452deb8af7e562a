/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterDetailResponse, ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ActionKind } from '../../lib/actionAvailability';
import { NodeGroupTarget } from '../../lib/targets';
import { AutoscalerDialog } from '../dialogs/AutoscalerDialog';
import { CertificatesDialog } from '../dialogs/CertificatesDialog';
import { DeleteDialog } from '../dialogs/DeleteDialog';
import { FlavorDialog } from '../dialogs/FlavorDialog';
import { HealthCheckDialog } from '../dialogs/HealthCheckDialog';
import { HibernateDialog } from '../dialogs/HibernateDialog';
import { HibernationScheduleDialog } from '../dialogs/HibernationScheduleDialog';
import { MaintenanceWindowDialog } from '../dialogs/MaintenanceWindowDialog';
import { PauseDialog } from '../dialogs/PauseDialog';
import { ReplaceMachineDialog } from '../dialogs/ReplaceMachineDialog';
import { RestartDialog } from '../dialogs/RestartDialog';
import { ScaleDialog } from '../dialogs/ScaleDialog';
import { UpgradeDialog } from '../dialogs/UpgradeDialog';

/** The open dialog, if any. */
export interface OpenDialog {
  kind: ActionKind;
  target?: NodeGroupTarget;
  /** The Machine of `replace-machine`. */
  machine?: string;
  /** The MachineHealthCheck of `health-check` (by name). */
  healthCheck?: string;
}

/** Renders the dialog of `open` (one at a time). */
export function ClusterDialogs(props: {
  open?: OpenDialog;
  cluster: ClusterRef;
  detail?: ClusterDetailResponse;
  gone: boolean;
  onClose(): void;
  onReload(): void;
}) {
  const { open } = props;
  if (!open) return null;
  const common = { open: true, onClose: props.onClose, cluster: props.cluster, detail: props.detail, onReload: props.onReload };
  const target = open.target ?? { type: 'controlPlane' as const };
  switch (open.kind) {
    case 'scale':
      return <ScaleDialog {...common} target={target} />;
    case 'autoscaler':
      return target.type === 'pool' ? <AutoscalerDialog {...common} pool={target.pool} /> : null;
    case 'flavor':
      return <FlavorDialog {...common} target={target} />;
    case 'restart':
      return <RestartDialog {...common} target={target} />;
    case 'rotate-certificates':
      return <CertificatesDialog {...common} />;
    case 'upgrade':
      return <UpgradeDialog {...common} />;
    case 'pause':
    case 'resume':
      return <PauseDialog {...common} resume={open.kind === 'resume'} />;
    case 'hibernate':
    case 'wake':
      return <HibernateDialog {...common} wake={open.kind === 'wake'} />;
    case 'hibernation-schedule':
      return <HibernationScheduleDialog {...common} />;
    case 'health-check': {
      const check = props.detail?.tree.machineHealthChecks.find(h => h.name === open.healthCheck);
      return check ? <HealthCheckDialog {...common} check={check} /> : null;
    }
    case 'maintenance-window':
      return <MaintenanceWindowDialog {...common} />;
    case 'replace-machine':
      return open.machine ? <ReplaceMachineDialog {...common} machine={open.machine} /> : null;
    case 'delete':
      return <DeleteDialog {...common} gone={props.gone} />;
    default:
      return null;
  }
}
