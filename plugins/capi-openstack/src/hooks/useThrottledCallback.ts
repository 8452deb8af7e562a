/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useEffect, useMemo, useRef } from 'react';

/**
 * A stable function that runs `fn` at most once per `ms`: the first call runs
 * at once, later ones within the window collapse into one trailing call.
 */
export function useThrottledCallback(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const state = useRef<{ last: number; timer?: ReturnType<typeof setTimeout> }>({ last: 0 });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useMemo(
    () => () => {
      const s = state.current;
      if (s.timer) return;
      const wait = s.last + ms - Date.now();
      if (wait <= 0) {
        s.last = Date.now();
        latest.current();
        return;
      }
      s.timer = setTimeout(() => {
        s.timer = undefined;
        s.last = Date.now();
        latest.current();
      }, wait);
    },
    [ms],
  );
}
