/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { UpgradesResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { commonUpgradeTargets, compareVersions, describeUpgrades } from './commonVersions';

const at = (current: string, ...targets: string[]): UpgradesResponse => ({
  current,
  targets: targets.map(version => ({ version, source: 'config' })),
});

describe('commonUpgradeTargets', () => {
  it('offers the targets of all clusters, oldest first, numerically', () => {
    expect(commonUpgradeTargets([at('v1.9.3', 'v1.10.1', 'v1.9.10', 'v1.9.4'), at('v1.9.3', 'v1.9.4', 'v1.9.10', 'v1.10.1')])).toEqual([
      'v1.9.4',
      'v1.9.10',
      'v1.10.1',
    ]);
    expect(['v1.10.0', 'v1.9.0'].sort(compareVersions)).toEqual(['v1.9.0', 'v1.10.0']);
  });

  it('counts the version a cluster already runs, but not one no cluster can go to', () => {
    expect(commonUpgradeTargets([at('v1.33.5', 'v1.34.2'), at('v1.34.2', 'v1.35.0')])).toEqual(['v1.34.2']);
    expect(commonUpgradeTargets([at('v1.34.2'), at('v1.34.2')])).toEqual([]);
  });

  it('offers none for clusters on different minors or no cluster', () => {
    expect(commonUpgradeTargets([at('v1.33.5', 'v1.33.6', 'v1.34.2'), at('v1.32.4', 'v1.32.9', 'v1.33.3')])).toEqual([]);
    expect(commonUpgradeTargets([])).toEqual([]);
  });
});

describe('describeUpgrades', () => {
  it('names the targets, or why there is none', () => {
    expect(describeUpgrades(at('v1.33.5', 'v1.34.2', 'v1.33.6'))).toBe('At v1.33.5; can go to v1.33.6, v1.34.2.');
    expect(describeUpgrades({ current: 'v1.33.5', targets: [], message: 'An upgrade to v1.34.2 is in progress (workers).' })).toBe(
      'At v1.33.5; no upgrade: An upgrade to v1.34.2 is in progress (workers).',
    );
  });
});
