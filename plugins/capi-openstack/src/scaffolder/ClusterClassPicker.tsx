/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  askedVariables,
  classesFor,
  ClusterClassValue,
  fetchCreateOptions,
  selectedClass,
  variableProblems,
} from './createOptions';
import { textFieldProps } from './textFieldProps';
import { useCreateOptions } from './useCreateOptions';

/**
 * `ui:options` of the ClusterClass picker.
 * @public
 */
export interface ClusterClassPickerOptions {
  /** Variables not to ask for (other fields feed them); default identityRef, imageName, controlPlaneFlavor, workerFlavor. */
  omitVariables?: string[];
}

function VariableField(props: {
  name: string;
  schema: Record<string, any>;
  required: boolean;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { name, schema, required, value, error, onChange } = props;
  const id = `capi-cluster-class-variable-${name}`;
  const helper = [error, schema.description, schema.default !== undefined ? `Default: ${JSON.stringify(schema.default)}` : undefined]
    .filter(Boolean)
    .join(' ');
  if (schema.type === 'boolean') {
    return (
      <FormControlLabel
        control={<Checkbox checked={value === undefined ? Boolean(schema.default) : Boolean(value)} onChange={e => onChange(e.target.checked)} />}
        label={name}
      />
    );
  }
  if (Array.isArray(schema.enum)) {
    return (
      <TextField id={id} select fullWidth margin="dense" label={name} required={required && schema.default === undefined}
        value={value ?? ''} error={Boolean(error)} helperText={helper} onChange={e => onChange(e.target.value || undefined)}>
        {!required && <MenuItem value=""><em>Default</em></MenuItem>}
        {schema.enum.map((v: unknown) => (
          <MenuItem key={String(v)} value={v as any}>{String(v)}</MenuItem>
        ))}
      </TextField>
    );
  }
  const numeric = schema.type === 'integer' || schema.type === 'number';
  if (numeric || schema.type === 'string' || !schema.type) {
    return (
      <TextField id={id} fullWidth margin="dense" label={name} required={required && schema.default === undefined}
        type={numeric ? 'number' : 'text'} value={value ?? ''} error={Boolean(error)} helperText={helper}
        onChange={e => {
          const raw = e.target.value;
          if (raw === '') onChange(undefined);
          else onChange(numeric ? Number(raw) : raw);
        }}
      />
    );
  }
  // Objects and arrays: JSON.
  return (
    <TextField id={id} fullWidth multiline margin="dense" label={`${name} (JSON)`} required={required && schema.default === undefined}
      defaultValue={value === undefined ? '' : JSON.stringify(value)} error={Boolean(error)} helperText={helper}
      onChange={e => {
        try {
          onChange(e.target.value ? JSON.parse(e.target.value) : undefined);
        } catch {
          // Keep the last valid value until the JSON parses.
        }
      }}
    />
  );
}

/**
 * The ClusterClasses of the chosen management cluster and namespace; the
 * selected class's variables become form fields. Value: `{ name, variables }`.
 */
export const ClusterClassPicker = (props: FieldExtensionComponentProps<ClusterClassValue, ClusterClassPickerOptions>) => {
  const { onChange, formData, schema, rawErrors, formContext, uiSchema } = props;
  const { value: options, loading, error } = useCreateOptions();
  const all = { ...(formContext?.formData ?? {}), clusterClass: formData };
  const classes = options ? classesFor(options, all) : [];
  const cls = options ? selectedClass(options, all) : undefined;
  const variables = askedVariables(cls, uiSchema?.['ui:options']?.omitVariables);
  const values = formData?.variables ?? {};
  return (
    <>
      <TextField {...textFieldProps(props, 'ClusterClass')} select
        value={formData?.name ?? ''} disabled={loading} error={Boolean(rawErrors?.length) || Boolean(error)}
        helperText={error ? `Could not load the ClusterClasses: ${error.message}` : schema.description ?? 'Classes of the chosen management cluster and namespace'}
        onChange={e => onChange({ name: e.target.value as string, variables: {} })}>
        {classes.map(c => (
          <MenuItem key={`${c.managementCluster}/${c.namespace}/${c.name}`} value={c.name}>
            {c.name}
            {c.kubernetesVersions.length ? ` (${c.kubernetesVersions.join(', ')})` : ''}
          </MenuItem>
        ))}
      </TextField>
      {variables.length > 0 && <Typography variant="subtitle2">Variables of {cls!.name}</Typography>}
      {variables.map(v => (
        <VariableField key={v.name} name={v.name} schema={v.schema} required={v.required} value={values[v.name]}
          error={variableProblems(v.name, values[v.name], v.schema, v.required)[0]}
          onChange={value => {
            const next = { ...values };
            if (value === undefined) delete next[v.name];
            else next[v.name] = value;
            onChange({ name: formData?.name, variables: next });
          }}
        />
      ))}
    </>
  );
};

/** The class must exist where the cluster goes and its variables must fit their schemas. */
export const clusterClassValidation: CustomFieldValidator<ClusterClassValue, ClusterClassPickerOptions> = async (
  value,
  validation,
  context,
) => {
  if (!value?.name) return;
  const options = await fetchCreateOptions(context.apiHolder);
  const cls = selectedClass(options, { ...context.formData, clusterClass: value });
  if (!cls) {
    validation.addError(`ClusterClass "${value.name}" does not exist in the chosen management cluster and namespace`);
    return;
  }
  for (const v of askedVariables(cls, context.uiSchema?.['ui:options']?.omitVariables)) {
    for (const problem of variableProblems(v.name, value.variables?.[v.name], v.schema, v.required)) validation.addError(problem);
  }
};
