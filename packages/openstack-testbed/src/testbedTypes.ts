/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The public shapes of a running testbed: its options, the JSON-safe info a
// test or the local demo needs, and the handle that stops it.

import type { Logger } from '@internal/test-support';
import type { DemoIdentity } from './seedIdentity';
import type { SeededResources } from './seedResources';

export interface TestbedOptions {
  log?: Logger;
  /**
   * Availability zone -> fake nova-compute host (default AVAILABILITY_ZONES,
   * the demo fleet's zones); {} runs no compute service.
   */
  availabilityZones?: Record<string, string>;
  /** Cinder and Octavia APIs (default true). */
  cinder?: boolean;
  octavia?: boolean;
}

/** What a test or the local demo needs to reach the testbed (JSON-safe). */
export interface TestbedInfo {
  authUrl: string;
  region: string;
  /** Public endpoint of each service type. */
  endpoints: Record<string, string>;
  admin: {
    username: string;
    password: string;
    projectName: string;
    domain: string;
  };
  demo: DemoIdentity & { domain: string };
  /**
   * A clouds.yaml with the demo user's application credential (cloud
   * `testbed`); cloudsYamlFor(info, name) renders it under another cloud name.
   */
  cloudsYaml: string;
  resources: SeededResources & { availabilityZones: string[] };
  /** Seconds each phase took. */
  timings: Record<string, number>;
}

export interface OpenStackTestbed {
  info: TestbedInfo;
  /** Temporary folder (configs, logs, data), removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}
