/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EgressPolicy, invalidPrefixReason } from './egress';
import { followOpenStackConfig, readOpenStackConfig } from './openstackConfig';

describe('EgressPolicy', () => {
  const policy = new EgressPolicy(['https://keystone.example.com:5000/', 'https://cloud.example.com/identity']);

  it.each([
    ['https://keystone.example.com:5000/v3', true],
    ['https://KEYSTONE.Example.COM:5000/v3', true],
    ['HTTPS://keystone.example.com:5000/v3', true],
    ['https://cloud.example.com/identity/v3', true],
    ['https://cloud.example.com:443/identity/v3', true],
    ['https://cloud.example.com/identity', true],
    // The path prefix ends on a `/` boundary.
    ['https://cloud.example.com/identityx/v3', false],
    ['https://cloud.example.com/other/v3', false],
    ['https://cloud.example.com/identity/../admin/v3', false],
    ['https://cloud.example.com/identity/%2e%2e/admin/v3', false],
    // Another host that merely starts or ends like an allowed one.
    ['https://keystone.example.com.evil/v3', false],
    ['https://keystone.example.com.evil:5000/v3', false],
    ['https://evil-keystone.example.com:5000/v3', false],
    ['https://keystone.example.com:5000.evil/v3', false],
    // User info: refused, also when the allowed host is the user name.
    ['https://keystone.example.com:5000@evil.example/v3', false],
    ['https://user:pw@keystone.example.com:5000/v3', false],
    // Port and scheme differences.
    ['https://keystone.example.com/v3', false],
    ['https://keystone.example.com:5001/v3', false],
    ['http://keystone.example.com:5000/v3', false],
    ['https://cloud.example.com:8443/identity/v3', false],
    ['ftp://keystone.example.com:5000/v3', false],
    ['not a url', false],
  ])('auth_url %s allowed: %s', (url, allowed) => {
    expect(policy.allowsAuthUrl(url)).toBe(allowed);
  });

  it('allows catalog endpoints on the scheme, host and port of a prefix, whatever their path', () => {
    expect(policy.allowsHost('https://keystone.example.com:5000/compute/v2.1')).toBe(true);
    expect(policy.allowsHost('https://cloud.example.com/compute/v2.1')).toBe(true);
    expect(policy.allowsHost('https://cloud.example.com:8774/v2.1')).toBe(false);
    expect(policy.allowsHost('http://cloud.example.com/v2.1')).toBe(false);
    expect(policy.allowsHost('https://169.254.169.254/latest/meta-data')).toBe(false);
    expect(policy.allowsHost('https://x@cloud.example.com/v2.1')).toBe(false);
  });

  it('refuses with a message naming the key and the cloud, not the URL', () => {
    expect(() => policy.checkAuthUrl('https://evil.example/v3', 'openstack')).toThrow(
      /^the auth_url of cloud "openstack" is not in capiOpenstack\.openstack\.allowedAuthUrls$/,
    );
    expect(() => policy.checkAuthUrl('https://keystone.example.com:5000/v3', 'openstack')).not.toThrow();
    const none = new EgressPolicy([]);
    expect(none.empty).toBe(true);
    expect(() => none.checkAuthUrl('https://keystone.example.com:5000/v3', 'openstack')).toThrow(
      /capiOpenstack\.openstack\.allowedAuthUrls is empty/,
    );
  });

  it('validates configured prefixes', () => {
    expect(invalidPrefixReason('https://keystone.example.com:5000/')).toBeUndefined();
    expect(invalidPrefixReason('keystone.example.com')).toBe('is not a URL');
    expect(invalidPrefixReason('ftp://keystone.example.com/')).toBe('is not an http(s) URL');
    expect(invalidPrefixReason('https://u:p@keystone.example.com/')).toBe('must not contain user info');
    expect(invalidPrefixReason('https://keystone.example.com/?x=1')).toBe('must not have a query or fragment');
  });
});

describe('capiOpenstack.openstack.allowedAuthUrls', () => {
  const read = (openstack: object) => readOpenStackConfig(new ConfigReader({ capiOpenstack: { openstack } }));

  it('is empty when absent', () => {
    expect(readOpenStackConfig(new ConfigReader({})).allowedAuthUrls).toEqual([]);
    expect(read({ timeoutSeconds: 5 }).allowedAuthUrls).toEqual([]);
  });

  it('names the key and index of an invalid entry, without quoting it', () => {
    expect(read({ allowedAuthUrls: ['https://keystone.example.com/'] }).allowedAuthUrls).toEqual(['https://keystone.example.com/']);
    expect(() => read({ allowedAuthUrls: ['https://keystone.example.com/', 'https://admin:hunter2@k.example/'] })).toThrow(
      /^capiOpenstack\.openstack\.allowedAuthUrls\[1\] must not contain user info$/,
    );
  });

  it('reads the Horizon of each cloud, trailing slash dropped, and names a bad URL', () => {
    expect(read({ horizon: [{ authUrl: 'https://k.example:5000/', url: 'https://horizon.example/' }] }).horizon).toEqual([
      { authUrl: 'https://k.example:5000/', url: 'https://horizon.example' },
    ]);
    expect(() => read({ horizon: [{ authUrl: 'https://k.example/', url: 'horizon.example' }] })).toThrow(
      'capiOpenstack.openstack.horizon[0].url must be an http(s) URL, got "horizon.example"',
    );
  });

  it('follows config changes in place and keeps the previous settings on an invalid change', () => {
    const data = (openstack: object) => ({ capiOpenstack: { openstack } });
    // The observable config of a running backend (files watched).
    const config = mockServices.rootConfig({ data: data({ allowedAuthUrls: ['https://a.example/'] }) });
    const logger = mockServices.logger.mock();
    const current = readOpenStackConfig(config);
    followOpenStackConfig(config, current, logger);
    config.update({ data: data({ allowedAuthUrls: ['https://b.example/'], timeoutSeconds: 3 }) });
    expect(current).toMatchObject({ allowedAuthUrls: ['https://b.example/'], timeoutMs: 3000 });
    config.update({ data: data({ allowedAuthUrls: ['nope'] }) });
    expect(current.allowedAuthUrls).toEqual(['https://b.example/']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'capiOpenstack.openstack changed but is invalid, keeping the previous settings: capiOpenstack.openstack.allowedAuthUrls[0] is not a URL',
    );
  });
});
