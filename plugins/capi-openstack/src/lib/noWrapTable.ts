/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { makeStyles } from '@material-ui/core';

/**
 * Tables of short values (phases, flavors, addresses, zones) whose cells
 * must not break mid-word: the table scrolls sideways instead.
 */
export const useNoWrapTableStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
});
