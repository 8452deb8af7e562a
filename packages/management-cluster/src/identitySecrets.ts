/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Points the CAPO identity Secrets of a management cluster (each cluster's
// `<name>-cloud-config` with a `clouds.yaml`) at another cloud: the local
// demo and the browser tests use it to swap the seed's fake credentials for
// the OpenStack testbed's application credential.

import yaml from 'js-yaml';
import { SEED_HASH_ANNOTATION } from './applySeed';
import { KubeApiError, KubeHttp, KubeObject } from '@internal/test-support';

/** Field manager of the rewrites (visible in the Secrets' managedFields). */
export const IDENTITY_FIELD_MANAGER = 'capi-openstack-identities';

const CLOUDS_YAML = 'clouds.yaml';

/** Renders a clouds.yaml with one cloud named `cloudName`. */
export type CloudsYamlRenderer = (cloudName: string) => string;

export interface IdentitySecretResult {
  namespace: string;
  name: string;
  /** The cloud names found in the Secret's clouds.yaml (kept as they were). */
  cloudNames: string[];
  /** False when the Secret already held the rendered clouds.yaml, or was skipped. */
  changed: boolean;
  /** Why the Secret was left alone (never quotes its content). */
  skipped?: string;
}

interface SecretObject extends KubeObject {
  data?: Record<string, string>;
}

function cloudNamesOf(cloudsYaml: string): string[] {
  const doc = yaml.load(cloudsYaml) as { clouds?: Record<string, unknown> } | undefined;
  const clouds = doc && typeof doc === 'object' ? doc.clouds : undefined;
  return clouds && typeof clouds === 'object' ? Object.keys(clouds) : [];
}

/** One clouds.yaml with every cloud name (one rendered document per name). */
function renderAll(render: CloudsYamlRenderer, cloudNames: string[]): string {
  if (cloudNames.length === 1) return render(cloudNames[0]);
  const clouds: Record<string, unknown> = {};
  for (const name of cloudNames) {
    const doc = yaml.load(render(name)) as { clouds: Record<string, unknown> };
    clouds[name] = doc.clouds[name];
  }
  return yaml.dump({ clouds });
}

async function secretsIn(client: KubeHttp, namespaces?: string[]): Promise<SecretObject[]> {
  if (!namespaces) return client.list<SecretObject>('v1', 'Secret');
  const lists = await Promise.all(namespaces.map(ns => client.list<SecretObject>('v1', 'Secret', ns)));
  return lists.flat();
}

/**
 * Rewrites the `clouds.yaml` of every Secret that has one, in `namespaces`
 * (default: all), with `render(cloudName)` for the cloud names the Secret
 * already uses (`identityRef.cloudName` must keep matching). Other keys stay.
 * Each write is a PUT with the Secret's resourceVersion (re-read and retried
 * on a conflict). The seed's hash annotation is dropped, so that seeding the
 * demo again restores the seed's credentials. Nothing of a Secret's content
 * appears in results or errors.
 */
export async function pointIdentitySecrets(
  client: KubeHttp,
  render: CloudsYamlRenderer,
  options: { namespaces?: string[] } = {},
): Promise<IdentitySecretResult[]> {
  const secrets = (await secretsIn(client, options.namespaces)).filter(s => s.data?.[CLOUDS_YAML] !== undefined);
  const results: IdentitySecretResult[] = [];
  for (const listed of secrets) {
    const namespace = listed.metadata.namespace!;
    const name = listed.metadata.name;
    let secret: SecretObject | undefined = listed;
    for (let attempt = 1; ; attempt++) {
      const current = Buffer.from(secret.data![CLOUDS_YAML], 'base64').toString('utf8');
      let cloudNames: string[];
      try {
        cloudNames = cloudNamesOf(current);
      } catch {
        cloudNames = [];
      }
      if (cloudNames.length === 0) {
        results.push({ namespace, name, cloudNames, changed: false, skipped: 'no clouds in its clouds.yaml' });
        break;
      }
      const wanted = renderAll(render, cloudNames);
      if (wanted === current) {
        results.push({ namespace, name, cloudNames, changed: false });
        break;
      }
      const annotations = { ...secret.metadata.annotations };
      delete annotations[SEED_HASH_ANNOTATION];
      const updated: SecretObject = {
        ...secret,
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { ...secret.metadata, annotations, managedFields: undefined },
        data: { ...secret.data, [CLOUDS_YAML]: Buffer.from(wanted, 'utf8').toString('base64') },
      };
      const path = `${await client.path('v1', 'Secret', namespace, name)}?fieldManager=${IDENTITY_FIELD_MANAGER}`;
      try {
        await client.request('PUT', path, updated);
        results.push({ namespace, name, cloudNames, changed: true });
        break;
      } catch (e) {
        if (!(e instanceof KubeApiError) || e.statusCode !== 409 || attempt >= 3) {
          throw new Error(
            `Secret ${namespace}/${name}: ${
              e instanceof KubeApiError ? `HTTP ${e.statusCode} ${e.status.reason ?? ''}`.trim() : 'write failed'
            }`,
          );
        }
        secret = await client.get<SecretObject>('v1', 'Secret', namespace, name);
        if (!secret?.data?.[CLOUDS_YAML]) {
          results.push({ namespace, name, cloudNames, changed: false, skipped: 'gone or without clouds.yaml' });
          break;
        }
      }
    }
  }
  return results;
}
