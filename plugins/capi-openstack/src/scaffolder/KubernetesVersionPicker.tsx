/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { isKubernetesVersion } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { allowedVersions, fetchCreateOptions } from './createOptions';
import { textFieldProps } from './textFieldProps';
import { useCreateOptions } from './useCreateOptions';

/** The versions the selected ClusterClass (or the configuration) allows; free text when nothing restricts them. */
export const KubernetesVersionPicker = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formData, schema, rawErrors, formContext } = props;
  const { value: options, error } = useCreateOptions();
  const versions = options ? allowedVersions(options, formContext?.formData) : [];
  const common = {
    ...textFieldProps(props, 'Kubernetes version'),
    value: formData ?? '',
    error: Boolean(rawErrors?.length) || Boolean(error),
    helperText: error ? `Could not load the allowed versions: ${error.message}` : schema.description,
    onChange: (e: React.ChangeEvent<{ value: unknown }>) => onChange(e.target.value as string),
  };
  if (!versions.length) return <TextField {...common} placeholder="v1.34.2" />;
  return (
    <TextField {...common} select>
      {[...versions].reverse().map(v => (
        <MenuItem key={v} value={v}>
          {v}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** Only allowed versions (v1.2.3 when nothing restricts them). */
export const kubernetesVersionValidation: CustomFieldValidator<string> = async (value, validation, context) => {
  if (!value) return;
  if (!isKubernetesVersion(value)) {
    validation.addError(`"${value}" must look like v1.34.2`);
    return;
  }
  const versions = allowedVersions(await fetchCreateOptions(context.apiHolder), context.formData);
  if (versions.length && !versions.includes(value)) validation.addError(`${value} is not allowed (allowed: ${versions.join(', ')})`);
};
