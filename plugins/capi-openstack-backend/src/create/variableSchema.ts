/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The subset of OpenAPI v3 schemas ClusterClass variables use, checked
// before writing so that a bad value is reported with its field instead of
// the API server's (or the topology controller's) later complaint.

export interface SchemaProblem {
  field: string;
  message: string;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema`, each naming `field` (or a sub-field). */
export function checkAgainstSchema(value: unknown, schema: any, field: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const add = (f: string, message: string) => problems.push({ field: f, message: `${f}: ${message}` });
  if (!schema || typeof schema !== 'object') return problems;
  const actual = typeOf(value);
  const expected: string | undefined = schema.type;
  if (expected) {
    const ok = expected === actual || (expected === 'number' && actual === 'integer');
    if (!ok) {
      add(field, `must be of type ${expected}, got ${actual}`);
      return problems;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) {
    add(field, `must be one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) add(field, `must have at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) add(field, `must have at most ${schema.maxLength} characters`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) add(field, `must match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add(field, `must be ≥ ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) add(field, `must be ≤ ${schema.maximum}, got ${value}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add(field, `must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(field, `must have at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => problems.push(...checkAgainstSchema(v, schema.items, `${field}[${i}]`)));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (obj[key] === undefined) add(`${field}.${key}`, 'is required');
    }
    const props = schema.properties ?? {};
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) problems.push(...checkAgainstSchema(v, props[key], `${field}.${key}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        problems.push(...checkAgainstSchema(v, schema.additionalProperties, `${field}.${key}`));
      } else if (schema.properties && !schema.additionalProperties && !schema['x-kubernetes-preserve-unknown-fields']) {
        add(`${field}.${key}`, 'is not a field of this variable');
      }
    }
  }
  return problems;
}
