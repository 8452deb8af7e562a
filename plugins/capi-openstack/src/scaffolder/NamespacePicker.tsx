/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ChangeEvent } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { requestErrorMessage } from '../lib/openstack';
import { fetchCreateOptions, namespaceNameProblem, namespacesFor, placeOf } from './createOptions';
import { textFieldProps } from './textFieldProps';
import { useCreateOptions } from './useCreateOptions';

/**
 * The namespaces the caller may create clusters in on the form's
 * `managementCluster`; free text when the backend knows none there.
 */
export const NamespacePicker = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formData, schema, rawErrors, formContext } = props;
  const { value: options, loading, error } = useCreateOptions();
  const { managementCluster } = placeOf(formContext?.formData);
  const namespaces = options ? namespacesFor(options, managementCluster) : [];
  const common = {
    ...textFieldProps(props, 'Namespace'),
    value: formData ?? '',
    onChange: (e: ChangeEvent<{ value: unknown }>) => onChange((e.target.value as string) || undefined),
  };
  const invalid = Boolean(rawErrors?.length);

  if (error) {
    // Still typeable: the backend decides on create.
    return <TextField {...common} error helperText={`Could not load the namespaces: ${requestErrorMessage(error)}; type one.`} />;
  }
  if (!managementCluster) {
    return <TextField {...common} disabled error={invalid} helperText="Choose the management cluster first" />;
  }
  if (loading) {
    return <TextField {...common} disabled helperText="Loading the namespaces…" />;
  }
  if (namespaces.length === 0) {
    return (
      <TextField
        {...common}
        error={invalid}
        helperText={[`No namespace you may create in is known on ${managementCluster}; type one.`, schema.description]
          .filter(Boolean)
          .join(' ')}
      />
    );
  }
  // A value from elsewhere (another management cluster, a link) stays visible; validation flags it.
  const stale = formData && !namespaces.includes(formData) ? formData : undefined;
  return (
    <TextField {...common} select error={invalid} helperText={schema.description ?? `Namespaces you may create clusters in on ${managementCluster}`}>
      {namespaces.map(ns => (
        <MenuItem key={ns} value={ns}>
          {ns}
        </MenuItem>
      ))}
      {stale && (
        <MenuItem value={stale} disabled>
          {stale} (not one you may create in)
        </MenuItem>
      )}
    </TextField>
  );
};

/**
 * A DNS-1123 label and, when the backend lists namespaces for the form's
 * management cluster, one of them.
 */
export const namespaceValidation: CustomFieldValidator<string> = async (value, validation, context) => {
  if (!value) return;
  const problem = namespaceNameProblem(value);
  if (problem) {
    validation.addError(problem);
    return;
  }
  const { managementCluster } = placeOf(context.formData);
  if (!managementCluster) return;
  let namespaces: string[];
  try {
    namespaces = namespacesFor(await fetchCreateOptions(context.apiHolder), managementCluster);
  } catch {
    return; // The field shows the error; the backend decides on create.
  }
  if (namespaces.length && !namespaces.includes(value)) {
    validation.addError(`"${value}" is not a namespace you may create clusters in on ${managementCluster} (${namespaces.join(', ')})`);
  }
};
