/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { makeStyles, Table, TableBody, TableCell, TableHead, TableRow } from '@material-ui/core';
import { ReactNode } from 'react';

// Cells hold short values (phases, flavors, addresses, zones) that must not
// break mid-word: the table scrolls sideways instead.
const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
});

/** A small table with a header row of `columns` and the rows given as children. */
export function NoWrapTable(props: { columns: string[]; 'aria-label'?: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.scroll}>
      <Table size="small" aria-label={props['aria-label']} className={classes.table}>
        <TableHead>
          <TableRow>
            {props.columns.map(c => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{props.children}</TableBody>
      </Table>
    </div>
  );
}
