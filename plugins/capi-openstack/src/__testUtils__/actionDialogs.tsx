/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The cluster view's action dialogs: opening one and what it sent.

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionResult } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionCall } from '../api/CapiOpenstackApi';
import { FakeCapiOpenstackApi } from './FakeCapiOpenstackApi';
import { REF, renderCluster } from './renderCluster';

/** Renders the cluster view, presses `button` once it is enabled and returns the dialog. */
export async function openDialog(api: FakeCapiOpenstackApi, button: string) {
  await renderCluster(api);
  const b = await screen.findByRole('button', { name: button });
  await waitFor(() => expect(b).toBeEnabled());
  fireEvent.click(b);
  return screen.findByRole('dialog');
}

/** The runAction calls: the call and whether it was a dry run. */
export const actionCalls = (api: FakeCapiOpenstackApi) =>
  api.callsOf('runAction').map(c => ({ call: c.args[1] as ClusterActionCall, dryRun: (c.args[2] as any).dryRun }));

/** An answer of runAction scaling pool md-0 from 2 to 4, with overrides (which may depend on the dry run). */
export function scaleResult(
  overrides: Partial<ActionResult> | ((dryRun: boolean) => Partial<ActionResult>) = {},
): (call: ClusterActionCall, dryRun: boolean) => ActionResult {
  return (_call, dryRun) => ({
    action: 'scale-pool',
    cluster: REF,
    dryRun,
    changed: true,
    message: dryRun ? 'Would scale pool md-0 from 2 to 4 replicas.' : 'Scaled pool md-0 from 2 to 4 replicas.',
    changes: [{ kind: 'MachineDeployment', name: 'alpha-md-0', field: 'spec.replicas', from: 2, to: 4 }],
    ...(typeof overrides === 'function' ? overrides(dryRun) : overrides),
  });
}

/** Presses Preview and waits for the dry run's answer. */
export async function preview(dialog: HTMLElement, answer: RegExp = /Dry run/) {
  fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
  await within(dialog).findByText(answer);
}
