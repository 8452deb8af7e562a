/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FakeCapiOpenstackApi } from '../__testUtils__/FakeCapiOpenstackApi';
import { ClusterStreamHub, StreamMessage } from './clusterStreamHub';

describe('ClusterStreamHub', () => {
  it('shares one connection between subscribers and closes it after the last leaves', () => {
    const api = new FakeCapiOpenstackApi();
    const hub = new ClusterStreamHub(api);
    const a: StreamMessage[] = [];
    const b: StreamMessage[] = [];
    const offA = hub.subscribe(m => a.push(m));
    const offB = hub.subscribe(m => b.push(m));
    expect(api.openStreams).toBe(1);
    api.push({ removed: [{ managementCluster: 'mc', namespace: 'ns', name: 'x' }] });
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    offA();
    expect(api.openStreams).toBe(1);
    offB();
    expect(api.openStreams).toBe(0);
  });

  it('reconnects with capped exponential backoff after the stream fails', async () => {
    jest.useFakeTimers();
    try {
      let attempts = 0;
      const api = new FakeCapiOpenstackApi();
      const original = api.stream.bind(api);
      api.stream = (handlers, signal) => {
        attempts++;
        return attempts === 1 ? Promise.reject(new Error('network down')) : original(handlers, signal);
      };
      const hub = new ClusterStreamHub(api, { minDelayMs: 100 });
      const messages: StreamMessage[] = [];
      const off = hub.subscribe(m => messages.push(m));
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(attempts).toBe(1);
      jest.advanceTimersByTime(150);
      expect(attempts).toBe(1); // backoff doubled after one failure: 200 ms
      jest.advanceTimersByTime(100);
      expect(attempts).toBe(2);
      expect(api.openStreams).toBe(1);
      expect(messages).toEqual([]); // the first successful open is not a reopening
      off();
      expect(api.openStreams).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
