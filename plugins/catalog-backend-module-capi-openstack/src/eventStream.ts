/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  createServerSentEventParser,
  ServerSentEvent,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { BackendClient } from './backendClient';
import { errorText } from './errorText';

/** The `GET /stream` connection of the provider. */
export interface EventStreamOptions {
  client: BackendClient;
  logger: LoggerService;
  /** A stream without any data for this long is reconnected. */
  idleTimeoutMs: number;
  /** Reconnect backoff: first delay and cap. */
  backoff: { initialMs: number; maxMs: number };
  /** Each event read; `onConnected` tells the stream that it is connected (resets the backoff). */
  onEvent(e: ServerSentEvent, onConnected: () => void): void;
}

/**
 * Reads the capi-openstack plugin's event stream and keeps it connected:
 * reconnected with capped exponential backoff when it drops or falls silent.
 */
export class EventStream {
  private stopped = false;
  private abort?: AbortController;
  private wakeUp?: () => void;

  constructor(private readonly options: EventStreamOptions) {}

  /** Ends the stream and any backoff wait; `run` returns soon after. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.wakeUp?.();
  }

  /** Reads the stream until {@link EventStream.stop}, reconnecting with capped exponential backoff. */
  async run(): Promise<void> {
    const state = { failures: 0 };
    const onConnected = () => {
      if (state.failures > 0) this.options.logger.info('Connected to the capi-openstack event stream');
      state.failures = 0;
    };
    while (!this.stopped) {
      try {
        await this.readStream(onConnected);
        if (this.stopped) return;
        this.options.logger.info('The capi-openstack event stream ended; reconnecting');
      } catch (e) {
        if (this.stopped) return;
        state.failures += 1;
        const delay = Math.min(this.options.backoff.maxMs, this.options.backoff.initialMs * 2 ** (state.failures - 1));
        // The first failure is expected while the backend starts.
        const log = state.failures > 1 ? this.options.logger.warn : this.options.logger.info;
        log.call(
          this.options.logger,
          `The capi-openstack event stream failed: ${errorText(e)}; reconnecting in ${Math.round(delay / 1000)} s`,
        );
        await this.sleep(delay * (0.75 + Math.random() * 0.25));
        continue;
      }
      await this.sleep(this.options.backoff.initialMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Reads `GET /stream` until it ends; throws when it cannot connect, breaks or falls silent. */
  private async readStream(onConnected: () => void): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    let silent = false;
    let idleTimer: NodeJS.Timeout | undefined;
    const resetIdle = () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        silent = true;
        abort.abort();
      }, this.options.idleTimeoutMs);
    };
    try {
      resetIdle();
      const body = await this.options.client.stream(abort.signal);
      const reader = body.getReader();
      const decoder = new TextDecoder();
      const parse = createServerSentEventParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        resetIdle();
        for (const e of parse(decoder.decode(value, { stream: true }))) this.options.onEvent(e, onConnected);
      }
    } catch (e) {
      if (silent) throw new Error(`no data for ${Math.round(this.options.idleTimeoutMs / 1000)} s`);
      throw e;
    } finally {
      if (idleTimer) clearTimeout(idleTimer);
      abort.abort();
    }
  }
}
