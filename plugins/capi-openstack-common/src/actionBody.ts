/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ActionField, clusterActions, WriteAction } from './actionTable';

/** An action's body after the type checks of {@link parseActionBody}. @public */
export interface ParsedActionBody {
  /** The action's own fields (`ActionSpec.fields`), checked. */
  fields: Record<string, unknown>;
  resourceVersion?: string;
  force: boolean;
  /** `window`: wait for the cluster's maintenance window (actions with `ActionSpec.window` only). */
  when: 'now' | 'window';
}

/** The outcome of {@link parseActionBody}: the body, or a message naming the field. @public */
export type ActionBodyResult = { ok: true; body: ParsedActionBody } | { ok: false; message: string };

const COMMON_FIELDS = ['resourceVersion', 'force'];
const WINDOW_ACTIONS_HINT = 'upgrade, restart and flavor changes';
const RESOURCE_VERSION = /^[0-9A-Za-z.-]{1,64}$/;

class FieldProblem extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function checkField(name: string, field: ActionField, value: unknown): unknown {
  if (value === null && (field.type === 'number' || field.type === 'object') && field.nullable) return null;
  switch (field.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldProblem(`${name} must be a number`);
      return value;
    case 'string':
      if (typeof value !== 'string') throw new FieldProblem(`${name} must be a string`);
      return value;
    case 'array':
      if (!Array.isArray(value)) throw new FieldProblem(`${name} must be a list`);
      return value.map((item, i) => checkField(`${name}[${i}]`, field.items, item));
    default: {
      if (!isObject(value)) {
        const keys = Object.keys(field.properties).join(', ');
        throw new FieldProblem(`${name} must be an object {${keys}}${field.nullable ? ', or null' : ''}`);
      }
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(field.properties)) out[key] = checkField(key, inner, value[key]);
      return out;
    }
  }
}

function requiredMessage(name: string, field: ActionField): string {
  if (field.type === 'string') return `${name} must be a string`;
  if (field.type === 'number') return field.nullable ? `${name} is required (a number, or null)` : `${name} must be a number`;
  if (field.type === 'array') return `${name} must be a list`;
  return `${name} is required ({${Object.keys(field.properties).join(', ')}}${field.nullable ? ', or null' : ''})`;
}

/**
 * Type checks of an action's JSON body, from the action table: a JSON
 * object, no unknown field, every field of the action present with its
 * type, `resourceVersion` and `force` well-formed. The message names the
 * field (the backend answers it as 400).
 * @public
 */
export function parseActionBody(action: WriteAction, body: unknown): ActionBodyResult {
  try {
    if (!isObject(body)) throw new FieldProblem('the request body must be a JSON object');
    const spec = clusterActions[action];
    const allowed = [...Object.keys(spec.fields), ...COMMON_FIELDS, ...(spec.window ? ['when'] : [])];
    const unknown = Object.keys(body).filter(k => !allowed.includes(k));
    if (unknown.includes('when')) throw new FieldProblem(`when: ${action} cannot wait for a maintenance window (only ${WINDOW_ACTIONS_HINT})`);
    if (unknown.length) throw new FieldProblem(`unknown field ${unknown.join(', ')} (expected ${allowed.join(', ')})`);
    const { resourceVersion, force } = body;
    if (resourceVersion !== undefined && (typeof resourceVersion !== 'string' || !RESOURCE_VERSION.test(resourceVersion))) {
      throw new FieldProblem('resourceVersion must be a string');
    }
    if (force !== undefined && typeof force !== 'boolean') throw new FieldProblem('force must be true or false');
    const { when = 'now' } = body;
    if (when !== 'now' && when !== 'window') {
      throw new FieldProblem(`when must be "now" or "window" (${WINDOW_ACTIONS_HINT} may wait for the maintenance window)`);
    }
    const fields: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(spec.fields)) {
      if (!(name in body)) throw new FieldProblem(requiredMessage(name, field));
      fields[name] = checkField(name, field, body[name]);
    }
    return { ok: true, body: { fields, resourceVersion: resourceVersion as string | undefined, force: force === true, when: when as 'now' | 'window' } };
  } catch (e) {
    if (e instanceof FieldProblem) return { ok: false, message: e.message };
    throw e;
  }
}
