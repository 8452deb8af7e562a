/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

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
