/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Dispatch, SetStateAction, useEffect, useState } from 'react';

/**
 * A form value set to `initial()` whenever the dialog opens; live updates
 * meanwhile must not overwrite what the user types.
 */
export function useOpenedState<T>(open: boolean, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (open) setValue(initial());
    // Only when opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return [value, setValue];
}
