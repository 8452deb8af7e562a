/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ensureDebianPackages, missingPackages } from './debianPackages';

describe('Debian packages of the testbed', () => {
  const absent = 'capi-openstack-no-such-package';

  it('finds what is not installed', () => {
    // dpkg itself is always installed on Debian.
    expect(missingPackages(['dpkg', absent])).toEqual([absent]);
  });

  it('tells a user who is not root what to install and how, without trying apt-get', () => {
    const log = jest.fn();
    let message = '';
    try {
      ensureDebianPackages(log, { packages: ['dpkg', absent], root: false });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`missing (${absent})`);
    expect(message).toContain('openstack-testbed ensure');
    expect(message).toContain(
      `apt-get install --no-install-recommends dpkg ${absent}`,
    );
    expect(message).toContain('.ci/run');
    expect(log).not.toHaveBeenCalled();
  });

  it('does nothing when every package is there', () => {
    const log = jest.fn();
    ensureDebianPackages(log, { packages: ['dpkg'], root: false });
    expect(log).not.toHaveBeenCalled();
  });
});
