/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Frontend plugin for Cluster API workload clusters on OpenStack.
 *
 * @packageDocumentation
 */

export {
  capiOpenstackPlugin,
  CapiOpenstackPage,
  EntityCapiOpenstackClusterContent,
  EntityCapiOpenstackClusterCard,
} from './plugin';
export { capiOpenstackApiRef } from './api/CapiOpenstackApi';
export type {
  CapiOpenstackApi,
  ClusterActionCall,
  ClusterListQuery,
  ClusterStreamHandlers,
  OpenStackResourcesQuery,
} from './api/CapiOpenstackApi';
export { CapiOpenstackClient } from './api/CapiOpenstackClient';
export { isCapiOpenstackAvailable } from './components/isCapiOpenstackAvailable';
export * from './scaffolder/fieldExtensions';
export type { ClusterClassPickerOptions } from './scaffolder/ClusterClassPicker';
export type { ClusterClassValue } from './scaffolder/createOptions';
export type { FlavorPickerOptions } from './scaffolder/FlavorPicker';
export type { ImagePickerOptions } from './scaffolder/ImagePicker';
export type { NetworkPickerOptions } from './scaffolder/NetworkPicker';
export type { AvailabilityZonePickerOptions } from './scaffolder/AvailabilityZonePicker';
export type { OpenStackPickerOptions } from './scaffolder/openstackResources';
export type { NetworkKind } from './scaffolder/openstackResources';
