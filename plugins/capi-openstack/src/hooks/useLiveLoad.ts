/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import type { StreamChanges } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CapiOpenstackApi, capiOpenstackApiRef } from '../api/CapiOpenstackApi';
import { useClusterStream } from './useClusterStream';
import { useThrottledCallback } from './useThrottledCallback';

/** What every live-loaded state carries. */
export interface LoadState {
  loading: boolean;
  error?: Error;
}

export interface LiveLoadOptions<S extends LoadState, R> {
  /** Loads again (with a spinner) when it changes. */
  key: string;
  initial: S;
  fetch(api: CapiOpenstackApi): Promise<R>;
  loaded(result: R): S;
  /** A failed background reload keeps what is on screen; otherwise it shows the error. */
  keepOnBackgroundError?: boolean;
  /** At most one background reload per this many milliseconds. */
  throttleMs: number;
  /** Applies stream changes in place (`update`) and/or asks for a background reload (`refresh`). */
  onChanges(changes: StreamChanges, update: (fn: (state: S) => S) => void, refresh: () => void): void;
}

/**
 * State loaded by `fetch` on mount and whenever `key` changes, and kept live
 * from the stream: `onChanges` handles each change, and a (re)opened stream,
 * which may have missed some, triggers a background reload. Only the answer
 * of the latest load is applied.
 */
export function useLiveLoad<S extends LoadState, R>(options: LiveLoadOptions<S, R>): { state: S; reload(): void } {
  const api = useApi(capiOpenstackApiRef);
  const [state, setState] = useState<S>(options.initial);
  const sequence = useRef(0);
  const latest = useRef(options);
  latest.current = options;
  const { key, throttleMs } = options;

  const load = useCallback(
    (background: boolean) => {
      const id = ++sequence.current;
      const { fetch, loaded, keepOnBackgroundError } = latest.current;
      if (!background) setState(s => ({ ...s, loading: true, error: undefined }));
      fetch(api).then(
        result => {
          if (id === sequence.current) setState(loaded(result));
        },
        error => {
          if (id !== sequence.current) return;
          setState(s => (background && keepOnBackgroundError && !s.error ? s : { ...s, loading: false, error }));
        },
      );
    },
    // `key` stands for what `fetch` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  useEffect(() => load(false), [load]);
  const refresh = useThrottledCallback(() => load(true), throttleMs);

  useClusterStream(message => {
    if (message.type === 'open') refresh();
    else latest.current.onChanges(message.changes, setState, refresh);
  });

  return { state, reload: () => load(false) };
}
