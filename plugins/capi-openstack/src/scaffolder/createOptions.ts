/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What the create form may offer (`GET /create-options` of the backend) and
// the pure rules the field extensions apply to it.

import { ApiHolder, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateOptionsClass,
  CreateOptionsResponse,
  createPaths,
  isDnsLabel,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/**
 * Value of the ClusterClass picker: the class and its variables.
 * @public
 */
export interface ClusterClassValue {
  name?: string;
  variables?: Record<string, unknown>;
}

/** Variables other form fields feed (identity, image, flavors): not asked twice. */
export const DEFAULT_OMITTED_VARIABLES = ['identityRef', 'imageName', 'controlPlaneFlavor', 'workerFlavor'];

let cache: { at: number; promise: Promise<CreateOptionsResponse> } | undefined;

/** Fetches the create options (shared by the fields of a form for a few seconds). */
export function fetchCreateOptions(apis: ApiHolder): Promise<CreateOptionsResponse> {
  if (cache && Date.now() - cache.at < 5_000) return cache.promise;
  const discovery = apis.get(discoveryApiRef);
  const fetchApi = apis.get(fetchApiRef);
  if (!discovery || !fetchApi) return Promise.reject(new Error('discovery and fetch APIs are required'));
  const promise = (async () => {
    const base = await discovery.getBaseUrl('capi-openstack');
    const res = await fetchApi.fetch(`${base}/${createPaths.options}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as CreateOptionsResponse;
  })();
  cache = { at: Date.now(), promise };
  promise.catch(() => {
    cache = undefined;
  });
  return promise;
}

/** For tests. */
export function clearCreateOptionsCache() {
  cache = undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** The form's management cluster and namespace (fields `managementCluster`, `namespace`). */
export function placeOf(formData: Record<string, unknown> | undefined) {
  return { managementCluster: str(formData?.managementCluster), namespace: str(formData?.namespace) };
}

/** Namespaces the caller may create clusters in on a management cluster (empty: none known). */
export function namespacesFor(options: CreateOptionsResponse, managementCluster: string | undefined): string[] {
  if (!managementCluster) return [];
  const names = (options.namespaces ?? []).filter(n => n.managementCluster === managementCluster).map(n => n.namespace);
  return [...new Set(names)].sort();
}

/** Problem of a namespace name (a DNS-1123 label), if any. */
export function namespaceNameProblem(value: string): string | undefined {
  if (!isDnsLabel(value)) {
    return `"${value}" is not a namespace name (lower-case letters, digits and "-", at most 63 characters)`;
  }
  return undefined;
}

/** The selected ClusterClass from the form (field `clusterClass`, value of the class picker or a name). */
export function selectedClass(
  options: CreateOptionsResponse,
  formData: Record<string, unknown> | undefined,
): CreateOptionsClass | undefined {
  const { managementCluster, namespace } = placeOf(formData);
  const value = formData?.clusterClass;
  const name = typeof value === 'string' ? value : str((value as ClusterClassValue | undefined)?.name);
  if (!name) return undefined;
  // A validator sees only its own page: match the place when the page has it.
  return options.clusterClasses.find(
    c =>
      c.name === name &&
      (!managementCluster || c.managementCluster === managementCluster) &&
      (!namespace || c.namespace === namespace),
  );
}

/** Classes of the selected management cluster and namespace. */
export function classesFor(options: CreateOptionsResponse, formData: Record<string, unknown> | undefined) {
  const { managementCluster, namespace } = placeOf(formData);
  return options.clusterClasses.filter(
    c => c.managementCluster === managementCluster && (!namespace || c.namespace === namespace),
  );
}

/** Allowed versions: the class's list, else the configured one (empty: any). */
export function allowedVersions(options: CreateOptionsResponse, formData: Record<string, unknown> | undefined): string[] {
  const cls = selectedClass(options, formData);
  return cls?.kubernetesVersions.length ? cls.kubernetesVersions : options.kubernetesVersions;
}

/** Allowed flavors: the configured list, else the enum of the class variable (empty: any). */
export function allowedFlavors(
  options: CreateOptionsResponse,
  formData: Record<string, unknown> | undefined,
  variable: string | undefined,
): string[] {
  if (options.flavors.length) return options.flavors;
  const cls = selectedClass(options, formData);
  const enumValues = cls?.variables.find(v => v.name === variable)?.schema?.enum;
  return Array.isArray(enumValues) ? enumValues.filter((e: unknown): e is string => typeof e === 'string') : [];
}

/** Default of a flavor variable of the selected class. */
export function defaultFlavor(
  options: CreateOptionsResponse,
  formData: Record<string, unknown> | undefined,
  variable: string | undefined,
): string | undefined {
  const def = selectedClass(options, formData)?.variables.find(v => v.name === variable)?.schema?.default;
  return typeof def === 'string' ? def : undefined;
}

/** Variables the class picker asks for. */
export function askedVariables(cls: CreateOptionsClass | undefined, omit: string[] = DEFAULT_OMITTED_VARIABLES) {
  return (cls?.variables ?? []).filter(v => !omit.includes(v.name));
}

/** Problems of one variable value against its (simple) schema; empty when fine. */
export function variableProblems(name: string, value: unknown, schema: Record<string, any>, required: boolean): string[] {
  if (value === undefined || value === '' || value === null) {
    return required && schema.default === undefined ? [`${name} is required`] : [];
  }
  const problems: string[] = [];
  const type = schema.type;
  if ((type === 'integer' && !Number.isInteger(value)) || (type === 'number' && typeof value !== 'number')) {
    return [`${name} must be a${type === 'integer' ? 'n integer' : ' number'}`];
  }
  if (type === 'string' && typeof value !== 'string') return [`${name} must be text`];
  if (type === 'boolean' && typeof value !== 'boolean') return [`${name} must be true or false`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${name} must be one of ${schema.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${name} must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${name} must be at most ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${name} must have at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${name} must have at most ${schema.maxLength} characters`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${name} must match ${schema.pattern}`);
  }
  return problems;
}
