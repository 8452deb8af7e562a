/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// ClusterClass inline patches: selectors, JSON patches (add, replace,
// remove) with `value`, `valueFrom.variable` (dotted paths, builtins) and
// `valueFrom.template` / `enabledIf` in the subset of Go templates that is
// plain `{{ .path }}` substitution (what the project's demo class uses; the
// result is parsed as YAML like the real topology controller does).
// Anything else fails the reconcile with a clear message.

import yaml from 'js-yaml';

export type TemplateRole =
  | { kind: 'infrastructureCluster' }
  | { kind: 'controlPlane' }
  | { kind: 'controlPlaneMachine' }
  | { kind: 'machineDeployment'; class: string };

export class PatchError extends Error {}

/** Variable values by name (`builtin` holds the builtin object). */
export type Variables = Record<string, unknown>;

function lookup(vars: Variables, path: string): unknown {
  let value: unknown = vars;
  for (const part of path.split('.')) {
    if (
      value === null ||
      typeof value !== 'object' ||
      !(part in (value as Record<string, unknown>))
    ) {
      throw new PatchError(`variable "${path}" is not set`);
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Renders `{{ .a.b }}` substitutions; other template syntax is not supported. */
export function renderTemplate(template: string, vars: Variables): string {
  return template.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (_m, expr: string) => {
    if (!/^\.[A-Za-z0-9_.-]+$/.test(expr)) {
      throw new PatchError(
        `template expression "{{ ${expr} }}" is not supported by the simulator`,
      );
    }
    const value = lookup(vars, expr.slice(1));
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

function selectorMatches(
  selector: any,
  templateApiVersion: string,
  templateKind: string,
  role: TemplateRole,
): boolean {
  if (!selector) return false;
  const group = (v: string) => String(v ?? '').split('/')[0];
  if (
    selector.kind !== templateKind ||
    group(selector.apiVersion) !== group(templateApiVersion)
  )
    return false;
  const m = selector.matchResources ?? {};
  switch (role.kind) {
    case 'infrastructureCluster':
      return !!m.infrastructureCluster;
    case 'controlPlane':
    case 'controlPlaneMachine':
      return !!m.controlPlane;
    case 'machineDeployment': {
      const names: string[] = m.machineDeploymentClass?.names ?? [];
      return names.includes(role.class);
    }
    default:
      return false;
  }
}

function enabled(enabledIf: string | undefined, vars: Variables): boolean {
  if (!enabledIf) return true;
  const rendered = renderTemplate(enabledIf, vars).trim();
  return rendered !== '' && rendered !== 'false' && rendered !== '<no value>';
}

function decodePointer(path: string): string[] {
  if (!path.startsWith('/'))
    throw new PatchError(`invalid JSON patch path "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies one JSON patch operation to `doc` in place. */
export function applyJsonPatch(
  doc: any,
  op: { op: string; path: string; value?: unknown },
) {
  const parts = decodePointer(op.path);
  const last = parts.pop()!;
  let parent = doc;
  for (const p of parts) {
    if (parent === null || typeof parent !== 'object' || !(p in parent)) {
      throw new PatchError(`path ${op.path}: "${p}" does not exist`);
    }
    parent = parent[p];
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw new PatchError(`path ${op.path}: bad index`);
    if (op.op === 'add') parent.splice(index, 0, structuredClone(op.value));
    else if (op.op === 'replace') parent[index] = structuredClone(op.value);
    else if (op.op === 'remove') parent.splice(index, 1);
    else throw new PatchError(`JSON patch op "${op.op}" is not supported`);
    return;
  }
  if (parent === null || typeof parent !== 'object')
    throw new PatchError(`path ${op.path}: parent is not an object`);
  if (op.op === 'add') parent[last] = structuredClone(op.value);
  else if (op.op === 'replace') {
    if (!(last in parent))
      throw new PatchError(`path ${op.path}: cannot replace a missing value`);
    parent[last] = structuredClone(op.value);
  } else if (op.op === 'remove') {
    if (!(last in parent))
      throw new PatchError(`path ${op.path}: cannot remove a missing value`);
    delete parent[last];
  } else throw new PatchError(`JSON patch op "${op.op}" is not supported`);
}

/**
 * Applies the class's patches to a template object (`{spec: ...}` as
 * cloned from the class template) for one role.
 */
export function applyClassPatches(
  patches: any[] | undefined,
  target: { apiVersion: string; kind: string; role: TemplateRole },
  doc: any,
  vars: Variables,
): void {
  for (const patch of patches ?? []) {
    if (patch.external)
      throw new PatchError(
        `patch "${patch.name}": external patches need a runtime extension`,
      );
    if (!enabled(patch.enabledIf, vars)) continue;
    for (const def of patch.definitions ?? []) {
      if (
        !selectorMatches(
          def.selector,
          target.apiVersion,
          target.kind,
          target.role,
        )
      )
        continue;
      for (const jp of def.jsonPatches ?? []) {
        let value: unknown = jp.value;
        if (jp.valueFrom?.variable) value = lookup(vars, jp.valueFrom.variable);
        else if (jp.valueFrom?.template !== undefined)
          value = yaml.load(renderTemplate(jp.valueFrom.template, vars));
        try {
          applyJsonPatch(doc, { op: jp.op, path: jp.path, value });
        } catch (e) {
          throw new PatchError(
            `patch "${patch.name}" on ${target.kind}: ${(e as Error).message}`,
          );
        }
      }
    }
  }
}

/** Variable values: class defaults, Cluster values, then per-pool overrides. */
export function resolveVariables(
  definitions: any[] | undefined,
  values: Array<{ name: string; value: unknown }> | undefined,
  overrides: Array<{ name: string; value: unknown }> | undefined,
  builtin: Record<string, unknown>,
): Variables {
  const vars: Variables = {};
  for (const d of definitions ?? []) {
    const schema = d.schema?.openAPIV3Schema;
    if (schema && 'default' in schema)
      vars[d.name] = structuredClone(schema.default);
  }
  for (const v of values ?? []) vars[v.name] = v.value;
  for (const v of overrides ?? []) vars[v.name] = v.value;
  for (const d of definitions ?? []) {
    if (d.required && !(d.name in vars))
      throw new PatchError(`required variable "${d.name}" is not set`);
  }
  vars.builtin = builtin;
  return vars;
}
