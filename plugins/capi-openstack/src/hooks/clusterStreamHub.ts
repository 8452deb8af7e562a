/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { StreamChanges } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { CapiOpenstackApi } from '../api/CapiOpenstackApi';

/** What a subscriber hears: changes, or that the connection reopened (changes may have been missed). */
export type StreamMessage = { type: 'changes'; changes: StreamChanges } | { type: 'open' };

type Listener = (message: StreamMessage) => void;

/**
 * One `GET /stream` connection shared by every component of the page:
 * opened by the first subscriber, closed after the last one leaves,
 * reopened with capped backoff when it drops.
 */
export class ClusterStreamHub {
  private readonly listeners = new Set<Listener>();
  private controller?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private opened = false;

  constructor(
    private readonly api: CapiOpenstackApi,
    private readonly options: { minDelayMs?: number; maxDelayMs?: number } = {},
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.disconnect();
    };
  }

  private emit(message: StreamMessage) {
    for (const listener of [...this.listeners]) listener(message);
  }

  private connect() {
    const controller = new AbortController();
    this.controller = controller;
    this.api
      .stream(
        {
          onOpen: () => {
            this.failures = 0;
            // The first connection follows the subscribers' own initial loads.
            if (this.opened) this.emit({ type: 'open' });
            this.opened = true;
          },
          onChanges: changes => this.emit({ type: 'changes', changes }),
        },
        controller.signal,
      )
      .catch(() => {
        this.failures++;
      })
      .finally(() => {
        if (controller.signal.aborted || this.controller !== controller) return;
        const min = this.options.minDelayMs ?? 1000;
        const delay = Math.min(this.options.maxDelayMs ?? 30_000, min * 2 ** Math.min(this.failures, 5));
        this.retryTimer = setTimeout(() => {
          if (this.listeners.size && this.controller === controller) this.connect();
        }, delay);
      });
  }

  private disconnect() {
    clearTimeout(this.retryTimer);
    this.controller?.abort();
    this.controller = undefined;
  }
}

const hubs = new WeakMap<CapiOpenstackApi, ClusterStreamHub>();

/** The hub of an API instance (one connection per app). */
export function streamHubFor(api: CapiOpenstackApi): ClusterStreamHub {
  let hub = hubs.get(api);
  if (!hub) {
    hub = new ClusterStreamHub(api);
    hubs.set(api, hub);
  }
  return hub;
}
