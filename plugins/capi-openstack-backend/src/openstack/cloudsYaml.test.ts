/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { parseCloudsYaml, secretsOf } from './cloudsYaml';

const appCred = `
clouds:
  openstack:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.example:5000
      application_credential_id: abc123
      application_credential_secret: s3cr3t-value
    region_name: RegionOne
    interface: internal
    verify: false
`;

describe('parseCloudsYaml', () => {
  it('reads an application credential, adds /v3 and keeps region, interface and verify', () => {
    const c = parseCloudsYaml(appCred, 'openstack', 'PEM');
    expect(c).toEqual({
      cloudName: 'openstack',
      authUrl: 'https://keystone.example:5000/v3',
      region: 'RegionOne',
      interface: 'internal',
      auth: { kind: 'applicationCredential', id: 'abc123', name: undefined, secret: 's3cr3t-value', username: undefined, userId: undefined, userDomainName: undefined },
      ca: 'PEM',
      insecure: true,
    });
    expect(secretsOf(c)).toEqual(['s3cr3t-value']);
  });

  it('reads a password cloud with project and domains (auth_type defaults to password)', () => {
    const c = parseCloudsYaml(
      'clouds:\n  p:\n    auth:\n      auth_url: http://k/v3/\n      username: u\n      password: pw12345\n      project_name: proj\n      user_domain_name: Users\n      project_domain_id: default\n',
      'p',
    );
    expect(c.authUrl).toBe('http://k/v3');
    expect(c.interface).toBe('public');
    expect(c.auth).toMatchObject({ kind: 'password', username: 'u', password: 'pw12345', projectName: 'proj', userDomainName: 'Users', projectDomainId: 'default' });
  });

  it('keeps only scheme, host and path of auth_url (no query in messages)', () => {
    const c = parseCloudsYaml(
      'clouds:\n  o:\n    auth:\n      auth_url: https://keystone.example:5000/identity?token=x#y\n      username: u\n      password: pw12345\n',
      'o',
    );
    expect(c.authUrl).toBe('https://keystone.example:5000/identity/v3');
  });

  it.each(['https://admin:pw@keystone.example:5000/v3', 'https://keystone.example:5000@evil.example/v3'])(
    'refuses the auth_url %s with user info, without quoting it',
    url => {
      const text = `clouds:\n  o:\n    auth:\n      auth_url: ${url}\n      username: u\n      password: pw12345\n`;
      expect(() => parseCloudsYaml(text, 'o')).toThrow(/^clouds\.o\.auth\.auth_url must not contain user info$/);
    },
  );

  it.each([
    ['not: [valid', 'openstack', /^clouds\.yaml is not valid YAML \(line \d\)$/],
    ['foo: 1', 'openstack', /has no "clouds" map/],
    [appCred, 'other', /has no cloud "other" \(it has: openstack\)/],
    ['clouds:\n  o:\n    auth:\n      auth_url: ftp://x\n', 'o', /clouds\.o\.auth\.auth_url must be an http\(s\) URL/],
    ['clouds:\n  o:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: http://x\n      application_credential_id: a\n', 'o', /application_credential_secret is required/],
    ['clouds:\n  o:\n    auth_type: v3token\n    auth:\n      auth_url: http://x\n', 'o', /auth_type "v3token" is not supported/],
  ])('refuses %j naming the field', (text, cloud, message) => {
    expect(() => parseCloudsYaml(text, cloud)).toThrow(message);
  });

  it('never quotes a secret in its errors', () => {
    const broken = 'clouds:\n  o:\n    auth:\n      auth_url: http://x\n      password: "hunter2-secret\n';
    let message = '';
    try {
      parseCloudsYaml(broken, 'o');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^clouds\.yaml is not valid YAML/);
    expect(message).not.toContain('hunter2');
  });
});
