/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { REGION } from './configs';
import type { DemoIdentity } from './seedIdentity';
import type { TestbedInfo } from './testbedTypes';

/**
 * The clouds.yaml a CAPO identity Secret holds: the demo user's application
 * credential under `cloudName` (an identity Secret's `identityRef.cloudName`).
 */
export function renderCloudsYaml(
  keystoneUrl: string,
  demo: Pick<DemoIdentity, 'applicationCredential'>,
  cloudName = 'testbed',
): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(cloudName)) {
    throw new Error(
      `cloud name "${cloudName}" is not a plain YAML key (letters, digits, _ . -)`,
    );
  }
  return [
    'clouds:',
    `  ${cloudName}:`,
    '    auth_type: v3applicationcredential',
    '    auth:',
    `      auth_url: ${keystoneUrl}/v3`,
    `      application_credential_id: ${demo.applicationCredential.id}`,
    `      application_credential_secret: ${demo.applicationCredential.secret}`,
    `    region_name: ${REGION}`,
    '    interface: public',
    '    identity_api_version: 3',
    '',
  ].join('\n');
}

/** renderCloudsYaml for a running testbed's info (e.g. read from `start --out FILE`). */
export function cloudsYamlFor(info: TestbedInfo, cloudName: string): string {
  return renderCloudsYaml(info.authUrl, info.demo, cloudName);
}
