/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Types, permissions and annotation keys shared by the capi-openstack
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './actions';
export * from './actionBody';
export * from './actionTable';
export * from './calicoSecurityGroupRules';
export * from './api';
export * from './clusterListQuery';
export * from './create';
export * from './kubeObject';
export * from './openstack';
export * from './permissions';
export * from './serverSentEvents';
export * from './validation';
export * from './types';
export * from './vocabulary/annotations';
export * from './vocabulary/groups';
export * from './vocabulary/labels';
export * from './conditions';
export * from './entityNames';
export * from './fixGuide';
export * from './hibernation';
export * from './maintenance';
export * from './objectShapes';
export * from './sha256';
export * from './deterministicIds';
