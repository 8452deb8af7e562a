/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices } from '@backstage/backend-test-utils';
import { ActionField, clusterActions } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { createActionsRouter } from '../routes/actionRoutes';
import { createRouter } from '../routes/readRoutes';
import { spec } from './openapi.generated';

/** `METHOD /path/{param}` of every route an express router serves, nested routers included. */
function servedRoutes(router: any): string[] {
  const out: string[] = [];
  for (const layer of router.stack ?? []) {
    if (layer.route) {
      const openApiPath = String(layer.route.path).replace(/:([A-Za-z]+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods)) out.push(`${method.toUpperCase()} ${openApiPath}`);
    } else if (layer.handle?.stack) {
      out.push(...servedRoutes(layer.handle));
    }
  }
  return out;
}

function documentedRoutes(): string[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(spec.paths).flatMap(([p, item]) =>
    Object.keys(item as object)
      .filter(m => methods.includes(m))
      .map(m => `${m.toUpperCase()} ${p}`),
  );
}

/** The JSON schema of a request body, `$ref`s resolved. */
function bodySchema(operation: any): any {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const ref = schema?.$ref as string | undefined;
  return ref ? (spec.components.schemas as any)[ref.split('/').pop()!] : schema;
}

/** A field of the action table as the shape OpenAPI should give it. */
function shapeOf(field: ActionField): unknown {
  if (field.type === 'array') return { type: 'array', nullable: false, items: shapeOf(field.items) };
  if (field.type === 'object') {
    return {
      type: 'object',
      nullable: field.nullable ?? false,
      properties: Object.fromEntries(Object.entries(field.properties).map(([k, f]) => [k, shapeOf(f)])),
    };
  }
  return { type: field.type, nullable: field.type === 'number' ? field.nullable ?? false : false };
}

function shapeOfSchema(schema: any): any {
  const type = schema.type === 'integer' ? 'number' : schema.type;
  if (type === 'array') return { type, nullable: schema.nullable ?? false, items: shapeOfSchema(schema.items) };
  if (type === 'object') {
    return {
      type,
      nullable: schema.nullable ?? false,
      properties: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, shapeOfSchema(s)])),
    };
  }
  return { type, nullable: schema.nullable ?? false };
}

describe('OpenAPI spec', () => {
  it('the generated constant matches openapi.yaml (run `npm run generate:openapi` in the plugin)', () => {
    const source = yaml.load(fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(source);
  });

  it('describes every route the router serves', async () => {
    // Building the routers only registers routes: none of these is called.
    const unused = {} as any;
    const clusters = { config: {} } as any;
    const logger = mockServices.logger.mock();
    const readRouter = await createRouter({ logger, access: unused, clusters, create: { service: unused, auditor: unused } });
    const actionsRouter = await createActionsRouter({
      logger,
      auditor: unused,
      access: unused,
      clusters,
      actions: unused,
      openstack: unused,
    });
    // The validated router serves the spec itself at /openapi.json.
    const served = [...servedRoutes(readRouter), ...servedRoutes(actionsRouter)]
      .filter(r => r !== 'GET /openapi.json')
      .sort();
    expect(served).toContain('DELETE /clusters/{managementCluster}/{namespace}/{name}');
    expect(new Set(served).size).toBe(served.length);
    expect(served).toEqual(documentedRoutes().sort());
  });

  it('documents each action of the action table with its route, operationId and body fields', () => {
    for (const [action, actionSpec] of Object.entries(clusterActions)) {
      const route = `/clusters/{managementCluster}/{namespace}/{name}${actionSpec.path ? '/' : ''}${actionSpec.path.replace(':pool', '{pool}').replace(':machine', '{machine}').replace(':healthCheck', '{healthCheck}')}`;
      const operation = (spec.paths as any)[route]?.[actionSpec.method.toLowerCase()];
      expect({ action, operationId: operation?.operationId }).toEqual({ action, operationId: actionSpec.operationId });
      expect(operation.description).toContain(`Permission ${actionSpec.permission.name}`);
      const schema = bodySchema(operation);
      const fields = Object.fromEntries(Object.entries(actionSpec.fields).map(([k, f]) => [k, shapeOf(f)]));
      expect({ action, properties: shapeOfSchema(schema).properties, required: [...(schema.required ?? [])].sort() }).toEqual({
        action,
        properties: {
          ...fields,
          resourceVersion: { type: 'string', nullable: false },
          force: { type: 'boolean', nullable: false },
          ...(actionSpec.window ? { when: { type: 'string', nullable: false } } : {}),
        },
        required: Object.keys(actionSpec.fields).sort(),
      });
    }
  });
});
