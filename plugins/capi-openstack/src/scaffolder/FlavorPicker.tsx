/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { allowedFlavors, defaultFlavor, fetchCreateOptions } from './createOptions';
import { useCreateOptions } from './useCreateOptions';

/** `ui:options` of the flavor picker. */
export interface FlavorPickerOptions {
  /** ClusterClass variable whose enum lists the flavors when none are configured (e.g. `workerFlavor`). */
  variable?: string;
}

/** Nova flavors from `capiOpenstack.flavors`, else the class variable's enum; free text otherwise. */
export const FlavorPicker = (props: FieldExtensionComponentProps<string, FlavorPickerOptions>) => {
  const { onChange, formData, schema, required, rawErrors, idSchema, formContext, uiSchema } = props;
  const variable = uiSchema?.['ui:options']?.variable;
  const { value: options, error } = useCreateOptions();
  const flavors = options ? allowedFlavors(options, formContext?.formData, variable) : [];
  const fallback = options ? defaultFlavor(options, formContext?.formData, variable) : undefined;
  const common = {
    id: idSchema?.$id,
    fullWidth: true,
    margin: 'normal' as const,
    label: schema.title ?? 'Flavor',
    required,
    value: formData ?? '',
    error: Boolean(rawErrors?.length) || Boolean(error),
    helperText: error
      ? `Could not load the allowed flavors: ${error.message}`
      : [schema.description, fallback ? `Class default: ${fallback}` : undefined].filter(Boolean).join(' '),
    onChange: (e: React.ChangeEvent<{ value: unknown }>) => onChange((e.target.value as string) || undefined!),
  };
  if (!flavors.length) return <TextField {...common} placeholder={fallback ?? 'm1.medium'} />;
  return (
    <TextField {...common} select>
      {!required && (
        <MenuItem value="">
          <em>{fallback ? `Class default (${fallback})` : 'Default'}</em>
        </MenuItem>
      )}
      {flavors.map(f => (
        <MenuItem key={f} value={f}>
          {f}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** Only allowed flavors. */
export const flavorValidation: CustomFieldValidator<string, FlavorPickerOptions> = async (value, validation, context) => {
  if (!value) return;
  const variable = context.uiSchema?.['ui:options']?.variable;
  const flavors = allowedFlavors(await fetchCreateOptions(context.apiHolder), context.formData, variable);
  if (flavors.length && !flavors.includes(value)) validation.addError(`flavor "${value}" is not allowed (allowed: ${flavors.join(', ')})`);
};
