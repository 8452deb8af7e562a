/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ClusterSummary } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { EventEmitter } from 'node:events';
import { CoalescingWriter } from './streamWriter';

/** A response whose socket is full whenever `full` is set (pure logic: no server involved). */
class FakeSink extends EventEmitter {
  full = false;
  chunks: string[] = [];
  ended = false;
  destroyed = false;
  write(chunk: string) {
    this.chunks.push(chunk);
    return !this.full;
  }
  end() {
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
  }
  drain() {
    this.full = false;
    this.emit('drain');
  }
  /** The `changes` events written, parsed. */
  changes() {
    return this.chunks
      .filter(c => c.startsWith('event: changes\n'))
      .map(c => JSON.parse(c.slice('event: changes\ndata: '.length)));
  }
}

const summary = (name: string, verdict = 'Healthy') =>
  ({ managementCluster: 'mc', namespace: 'ns', name, verdict }) as unknown as ClusterSummary;
const ref = (name: string) => ({ managementCluster: 'mc', namespace: 'ns', name });

describe('CoalescingWriter', () => {
  afterEach(() => jest.useRealTimers());

  it('stops writing when the socket is full and sends the latest state per cluster on drain', () => {
    const sink = new FakeSink();
    const writer = new CoalescingWriter(sink, { maxPendingKeys: 1000 });
    writer.event('snapshot', { managementClusters: [] });
    sink.full = true;
    writer.changes({ upserted: [summary('a')], removed: [], managementClusters: [] }); // fills the socket
    const written = sink.chunks.length;
    // Many events about few clusters: nothing is written, pending holds one entry per cluster.
    for (let i = 0; i < 5000; i++) {
      writer.changes({ upserted: [summary(`c${i % 10}`, i >= 4990 ? 'Degraded' : 'Healthy')], removed: [], managementClusters: [] });
    }
    writer.changes({ upserted: [], removed: [ref('c3')], managementClusters: [{ name: 'mc' } as any] });
    writer.ping();
    expect(sink.chunks.length).toBe(written);
    expect(writer.isBlocked).toBe(true);
    expect(writer.pendingSize).toBe(10);

    sink.drain();
    expect(writer.isBlocked).toBe(false);
    expect(writer.pendingSize).toBe(0);
    const last = sink.changes().at(-1);
    expect(last.upserted.map((s: any) => s.name).sort()).toEqual(['c0', 'c1', 'c2', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(last.upserted.every((s: any) => s.verdict === 'Degraded')).toBe(true); // the latest of each
    expect(last.removed).toEqual([ref('c3')]);
    expect(last.managementClusters).toEqual([{ name: 'mc' }]);
    // Flowing again: the next change is written at once.
    writer.changes({ upserted: [summary('z')], removed: [], managementClusters: [] });
    expect(sink.changes().at(-1).upserted[0].name).toBe('z');
  });

  it('disconnects a client whose pending set exceeds the bound', () => {
    const sink = new FakeSink();
    const reasons: string[] = [];
    const writer = new CoalescingWriter(sink, { maxPendingKeys: 100, onOverflow: r => reasons.push(r) });
    sink.full = true;
    writer.changes({ upserted: [summary('first')], removed: [], managementClusters: [] });
    for (let i = 0; i < 100; i++) writer.changes({ upserted: [summary(`c${i}`)], removed: [], managementClusters: [] });
    expect(sink.destroyed).toBe(false);
    expect(writer.pendingSize).toBe(100);
    writer.changes({ upserted: [summary('one-too-many')], removed: [], managementClusters: [] });
    expect(sink.destroyed).toBe(true);
    expect(writer.isClosed).toBe(true);
    expect(writer.pendingSize).toBe(0); // freed
    expect(reasons).toEqual(['more than 100 clusters changed while the client did not read']);
    // Nothing more is kept or written.
    const written = sink.chunks.length;
    sink.drain();
    writer.changes({ upserted: [summary('late')], removed: [], managementClusters: [] });
    expect(sink.chunks.length).toBe(written);
    expect(writer.pendingSize).toBe(0);
  });

  it('disconnects a client that does not drain in time, and not one that does', () => {
    jest.useFakeTimers();
    const slow = new FakeSink();
    const reasons: string[] = [];
    const writer = new CoalescingWriter(slow, { maxStallMs: 30_000, onOverflow: r => reasons.push(r) });
    slow.full = true;
    writer.changes({ upserted: [summary('a')], removed: [], managementClusters: [] });
    jest.advanceTimersByTime(29_999);
    expect(slow.destroyed).toBe(false);
    jest.advanceTimersByTime(1);
    expect(slow.destroyed).toBe(true);
    expect(reasons).toEqual(['the client read nothing for 30 s']);

    const reader = new FakeSink();
    const other = new CoalescingWriter(reader, { maxStallMs: 30_000 });
    reader.full = true;
    other.changes({ upserted: [summary('a')], removed: [], managementClusters: [] });
    jest.advanceTimersByTime(20_000);
    reader.drain();
    jest.advanceTimersByTime(60_000);
    expect(reader.destroyed).toBe(false);
  });

  it('ends with an error event, or cuts off a client that is not reading', () => {
    jest.useFakeTimers();
    const sink = new FakeSink();
    new CoalescingWriter(sink).fail('You are not allowed to read workload clusters');
    expect(sink.chunks.at(-1)).toBe('event: error\ndata: {"message":"You are not allowed to read workload clusters"}\n\n');
    expect(sink.ended).toBe(true);
    // Not delivered 10 s later (the client stopped reading): cut off.
    jest.advanceTimersByTime(10_000);
    expect(sink.destroyed).toBe(true);

    const full = new FakeSink();
    const writer = new CoalescingWriter(full);
    full.full = true;
    writer.changes({ upserted: [summary('a')], removed: [], managementClusters: [] });
    writer.fail('denied');
    expect(full.destroyed).toBe(true);
    expect(full.chunks.some(c => c.includes('denied'))).toBe(false);
    expect(full.listenerCount('drain')).toBe(0);
  });
});
