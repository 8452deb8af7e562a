/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// How the dialogs and the form fields show OpenStack lists.

import { ResponseError } from '@backstage/errors';
import type {
  OpenStackFlavor,
  OpenStackImage,
  OpenStackResourcesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

function gib(mib: number): string {
  const value = mib / 1024;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `m1.large (4 vCPUs, 8 GiB RAM, 40 GiB disk)`; the bare name for configured flavors. */
export function flavorLabel(flavor: OpenStackFlavor): string {
  const parts: string[] = [];
  if (flavor.vcpus !== undefined) parts.push(`${flavor.vcpus} vCPU${flavor.vcpus === 1 ? '' : 's'}`);
  if (flavor.ram !== undefined) parts.push(`${gib(flavor.ram)} GiB RAM`);
  if (flavor.disk !== undefined) parts.push(flavor.disk ? `${flavor.disk} GiB disk` : 'no root disk');
  return parts.length ? `${flavor.name} (${parts.join(', ')})` : flavor.name;
}

/** `ubuntu-2404-kube-v1.34.2 (ubuntu 24.04, Kubernetes v1.34.2)`. */
export function imageLabel(image: OpenStackImage): string {
  const os = [image.osDistro, image.osVersion].filter(Boolean).join(' ');
  const parts = [os, image.kubernetesVersion ? `Kubernetes ${image.kubernetesVersion}` : ''].filter(Boolean);
  return parts.length ? `${image.name} (${parts.join(', ')})` : image.name;
}

/**
 * The note shown when the lists come from the configuration, e.g.
 * "OpenStack could not be reached: Keystone did not answer within 10 s; showing the configured flavors."
 * Without a configured list: "...; enter a value."
 */
export function fallbackNote(response: Pick<OpenStackResourcesResponse, 'message'>, what: string, listed = true): string {
  const reason = response.message?.replace(/[.\s]+$/, '');
  return `OpenStack could not be reached${reason ? `: ${reason}` : ''}; ${
    listed ? `showing the configured ${what}` : `no ${what} are configured, enter a value`
  }.`;
}

/** The backend's message of a failed request (not "Request failed with 403 Forbidden"), without a final period. */
export function requestErrorMessage(error: Error): string {
  const message = error instanceof ResponseError ? error.body?.error?.message ?? error.message : error.message;
  return message.replace(/\.$/, '');
}
