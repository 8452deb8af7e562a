/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Client-side checks mirroring the backend's (which still decides); undefined = fine. */

export function validateReplicas(text: string, options: { controlPlane: boolean; max?: number }): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'Replicas must be a whole number.';
  const n = Number(text);
  if (options.controlPlane) {
    if (n < 1) return 'The control plane needs at least 1 machine.';
    if (n % 2 === 0) return 'Control plane replicas must be odd (etcd needs a quorum).';
  }
  if (options.max !== undefined && n > options.max) return `At most ${options.max} replicas.`;
  return undefined;
}

export function validateBounds(minText: string, maxText: string): string | undefined {
  if (!/^\d+$/.test(minText.trim()) || !/^\d+$/.test(maxText.trim())) return 'Minimum and maximum must be whole numbers.';
  if (Number(minText) > Number(maxText)) return 'The minimum must not exceed the maximum.';
  if (Number(maxText) < 1) return 'The maximum must be at least 1.';
  return undefined;
}

export function validateFlavor(flavor: string, current?: string): string | undefined {
  const value = flavor.trim();
  if (!value) return 'Enter a Nova flavor name.';
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,254}$/.test(value)) return 'A flavor name has letters, digits, ".", "_", ":" or "-".';
  if (current && value === current) return `The flavor is already ${current}.`;
  return undefined;
}

export function validateConfirmName(typed: string, name: string): string | undefined {
  return typed === name ? undefined : `Type ${name} to confirm.`;
}

export function validateExpiryDays(text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'Days must be a whole number.';
  return Number(text) < 7 ? 'At least 7 days (kubeadm needs time to replace every machine).' : undefined;
}
