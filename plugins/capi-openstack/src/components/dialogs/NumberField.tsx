/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TextField } from '@material-ui/core';

/** A whole-number input of a dialog form, holding the typed text; `invalid` is shown under it. */
export function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  invalid?: string;
  min: number;
  step?: number;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      type="number"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={Boolean(props.invalid)}
      helperText={props.invalid}
      inputProps={props.step === undefined ? { min: props.min } : { min: props.min, step: props.step }}
    />
  );
}
