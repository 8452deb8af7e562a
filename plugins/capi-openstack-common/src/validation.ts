/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Lower-case letters, digits, '-' and '.', starting and ending with a letter or digit. */
const DNS1123_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const KUBERNETES_VERSION = /^v\d+\.\d+\.\d+$/;

/**
 * Whether `value` is a DNS-1123 label: at most 63 lower-case letters, digits
 * and '-', starting and ending with a letter or digit (namespaces, CAPI
 * cluster names, management cluster names).
 * @public
 */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/**
 * Whether `value` is a DNS-1123 subdomain-style object name: at most 253
 * lower-case letters, digits, '-' and '.', starting and ending with a letter
 * or digit (worker pool and Secret names).
 * @public
 */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_NAME.test(value);
}

/** Whether `value` is a worker pool name (MachineDeployment or topology name). @public */
export const isPoolName = isDnsSubdomain;

/** Whether `value` is a full Kubernetes version such as `v1.31.4`. @public */
export function isKubernetesVersion(value: string): boolean {
  return KUBERNETES_VERSION.test(value);
}

/**
 * Checks a Kubernetes object name that must be a DNS-1123 label (namespaces,
 * CAPI cluster names). Returns a message naming `field`, or undefined.
 * @public
 */
export function checkDnsLabel(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return `${field} is required`;
  }
  if (value.length > 63) {
    return `${field} must be at most 63 characters (got ${value.length})`;
  }
  if (!DNS1123_LABEL.test(value)) {
    return `${field} "${value}" must consist of lower case letters, digits and '-', and start and end with a letter or digit`;
  }
  return undefined;
}
