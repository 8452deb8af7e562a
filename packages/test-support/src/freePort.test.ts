/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import net from 'node:net';
import { freePort, freePorts } from './freePort';

describe('freePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(1023);
    expect(port).toBeLessThan(65536);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    expect((server.address() as net.AddressInfo).port).toBe(port);
    await new Promise(r => server.close(r));
  });

  it('stays below the range the kernel gives outgoing connections', async () => {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    for (const port of await freePorts(20)) expect(port).toBeLessThan(low);
  });

  it('never hands the same port out twice, even after it was closed again', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) seen.add(await freePort());
    expect(seen.size).toBe(50);
  });

  it('freePorts returns distinct ports', async () => {
    const ports = await freePorts(12);
    expect(new Set(ports).size).toBe(12);
  });
});
