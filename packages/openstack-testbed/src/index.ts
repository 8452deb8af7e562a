/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Real OpenStack services (Debian packages) on loopback for tests and the
// local demo. Production code never imports this package.

export {
  startOpenStackTestbed,
  renderCloudsYaml,
  cloudsYamlFor,
} from './testbed';
export type { OpenStackTestbed, TestbedInfo, TestbedOptions } from './testbed';
export {
  DEBIAN_PACKAGES,
  ensureDebianPackages,
  missingPackages,
} from './debianPackages';
export { authenticate, request, OpenStackHttpError } from './openstackHttp';
export type { Credentials, Session } from './openstackHttp';
export {
  FLAVORS,
  IMAGES,
  KEY_PAIRS,
  KUBERNETES_VERSIONS,
  AVAILABILITY_ZONES,
  DEFAULT_AVAILABILITY_ZONE,
  EXTERNAL_NETWORK,
  DEMO_QUOTAS,
  sshPublicKey,
} from './seedResources';
export type { SeedImage } from './seedResources';
export { setupOpenStackTestbed, SHARED_TESTBED_ENV, useOpenStackTestbed } from './testing';
export type { TestbedHandle } from './testing';
