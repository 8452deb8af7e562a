/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Alert } from '@material-ui/lab';
import { fallbackNote, requestErrorMessage } from '../lib/openstack';
import { PickerItem, withCurrent } from './openstackResources';
import { OpenStackResourcesState } from './useOpenStackResources';

/** The form field part every cloud picker shares. */
export interface OpenStackListFieldProps {
  id?: string;
  label: string;
  description?: string;
  required?: boolean;
  rawErrors?: string[];
  value: string | string[] | undefined;
  onChange(value: string | string[] | undefined): void;
  /** Several values (an array field). */
  multiple?: boolean;
  /** Plural noun for notes, e.g. `key pairs`. */
  what: string;
  state: OpenStackResourcesState;
  /** What to offer: the cloud's values, else the configured ones; empty: free text. */
  items: PickerItem[];
  /** Overrides the note of a ready answer (e.g. a fallback to other configured values). */
  note?: { severity: 'info' | 'warning'; text: string };
  /** Helper text when the cloud answered but nothing fits (e.g. no image for the version). */
  emptyText?: string;
  /** Label of the empty choice of an optional single select. */
  emptyLabel?: string;
  /** Extra helper text (e.g. the class default). */
  help?: string;
  placeholder?: string;
}

function noteOf(props: OpenStackListFieldProps): { severity: 'info' | 'warning'; text: string } | undefined {
  const { state, what } = props;
  if (state.status === 'error') {
    const then = props.items.length ? `showing the configured ${what}` : 'enter a value';
    return { severity: 'warning', text: `Could not list the cloud's ${what}: ${requestErrorMessage(state.error)}; ${then}.` };
  }
  if (state.status !== 'ready') return undefined;
  if (props.note) return props.note;
  if (!state.response.available) return { severity: 'warning', text: fallbackNote(state.response, what, props.items.length > 0) };
  return undefined;
}

/**
 * A select of the offered values, or free text (comma-separated for several)
 * when there is nothing to offer, with a visible note saying where the values
 * come from when it is not the cloud.
 */
export function OpenStackListField(props: OpenStackListFieldProps) {
  const { state, items, multiple, value } = props;
  const note = noteOf(props);
  const helper = [
    props.description,
    state.status === 'no-identity' ? `Choose the ${state.missing.join(', ')} to list the cloud's ${props.what}.` : undefined,
    state.status === 'ready' && state.response.available && !items.length
      ? props.emptyText ?? `The cloud has no ${props.what}; enter a value.`
      : undefined,
    props.help,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: props.id,
    fullWidth: true,
    margin: 'normal' as const,
    label: props.label,
    required: props.required,
    error: Boolean(props.rawErrors?.length),
    helperText: helper || undefined,
  };
  let field;
  if (!items.length) {
    const text = Array.isArray(value) ? value.join(', ') : value ?? '';
    field = (
      <TextField
        {...common}
        value={text}
        placeholder={props.placeholder}
        onChange={e => {
          const raw = e.target.value;
          if (!multiple) props.onChange(raw || undefined);
          else props.onChange(raw.split(',').map(v => v.trim()).filter(Boolean));
        }}
      />
    );
  } else {
    const offered = withCurrent(items, value);
    let selected: string | string[] = value ?? '';
    if (multiple) selected = Array.isArray(value) ? value : [];
    field = (
      <TextField
        {...common}
        select
        value={selected}
        SelectProps={multiple ? { multiple: true, renderValue: v => (v as string[]).join(', ') } : undefined}
        onChange={e => {
          const v = e.target.value as unknown as string | string[];
          props.onChange(Array.isArray(v) ? v : v || undefined);
        }}
      >
        {!multiple && !props.required && (
          <MenuItem value="">
            <em>{props.emptyLabel ?? 'None'}</em>
          </MenuItem>
        )}
        {offered.map(i => (
          <MenuItem key={i.value} value={i.value} disabled={i.disabled}>
            {i.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <>
      {field}
      {state.status === 'loading' && <LinearProgress aria-label={`Loading the cloud's ${props.what}`} />}
      {note && (
        <Box mb={1}>
          <Alert severity={note.severity}>{note.text}</Alert>
        </Box>
      )}
    </>
  );
}
