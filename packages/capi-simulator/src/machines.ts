/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// One Machine and what hangs off it, as four controllers would handle them:
// CABPK renders the KubeadmConfig's bootstrap data Secret; CAPO's
// OpenStackMachine controller creates an OpenStackServer, which goes from
// BUILD to ACTIVE (or ERROR); the Machine controller copies providerID and
// addresses and, once the node has booted and joined, sets nodeRef:
// Pending -> Provisioning -> Provisioned -> Running.
//
// One file per controller or concern under ./machines; this module is
// their public face.

export type { MachineBlueprint, TemplateName } from './machines/creation';
export { createMachine, ensureMachineChildren } from './machines/creation';
export {
  certificatesExpiry,
  infrastructureTemplateOf,
} from './machines/lookups';
export { machineView } from './machines/machineView';
export { reconcileServer } from './machines/openStackServer';
export { reconcileMachine } from './machines/reconcileMachine';
