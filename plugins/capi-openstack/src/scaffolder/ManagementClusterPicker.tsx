/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fetchCreateOptions } from './createOptions';
import { textFieldProps } from './textFieldProps';
import { useCreateOptions } from './useCreateOptions';

/** Management clusters the backend knows; those that cannot take new clusters are disabled. */
export const ManagementClusterPicker = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formData, schema, rawErrors } = props;
  const { value: options, loading, error } = useCreateOptions();
  const items = options?.managementClusters ?? [];
  return (
    <TextField
      {...textFieldProps(props, 'Management cluster')}
      select
      value={formData ?? ''}
      onChange={e => onChange(e.target.value as string)}
      error={Boolean(rawErrors?.length) || Boolean(error)}
      helperText={error ? `Could not load the management clusters: ${error.message}` : schema.description}
      disabled={loading}
    >
      {items.map(mc => (
        <MenuItem key={mc.name} value={mc.name} disabled={!mc.supported}>
          {mc.title === mc.name ? mc.name : `${mc.title} (${mc.name})`}
          {mc.supported ? '' : ` — ${mc.message ?? 'not supported'}`}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The value must be a management cluster that can take new clusters. */
export const managementClusterValidation: CustomFieldValidator<string> = async (value, validation, context) => {
  if (!value) return;
  const options = await fetchCreateOptions(context.apiHolder);
  const mc = options.managementClusters.find(m => m.name === value);
  if (!mc) validation.addError(`"${value}" is not a known management cluster`);
  else if (!mc.supported) validation.addError(mc.message ?? `clusters cannot be created in ${value}`);
};
