/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A backend whose start-up fails exits (src/index.ts), so that whatever
// runs it (a Deployment, `backstage-cli`) starts it again, instead of
// staying up without ever getting ready.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExitedDuringStartup, startBackendProcess } from './__testUtils__/backendProcess';

describe('backend start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-backend-start-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits when a plugin fails to start, naming the cause', async () => {
    const started = startBackendProcess({
      name: 'bad-config',
      dir,
      // The capi-openstack plugin refuses it while it starts.
      config: { capiOpenstack: { actions: { upgradeResyncSeconds: -1 } } },
      timeoutMs: 120_000,
    });
    const error = await started.then(
      async backend => {
        await backend.stop();
        return new Error('the backend started');
      },
      e => e,
    );
    expect(error).toBeInstanceOf(ExitedDuringStartup);
    expect(error.message).toContain('Backend start-up failed, exiting');
    expect(error.message).toContain('capiOpenstack.actions.upgradeResyncSeconds must be positive');
  }, 150_000);
});
