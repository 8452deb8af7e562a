/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { OpenStackListField } from './OpenStackListField';
import { liveResourcesFor, OpenStackPickerOptions } from './openstackResources';
import { useOpenStackResources } from './useOpenStackResources';

/** Nova key pairs of the form's identity (the credential's user); free text when they cannot be listed. */
export const KeyPairPicker = (props: FieldExtensionComponentProps<string, OpenStackPickerOptions>) => {
  const { onChange, formData, schema, required, rawErrors, idSchema, formContext, uiSchema } = props;
  const state = useOpenStackResources(formContext?.formData, uiSchema?.['ui:options']);
  const items =
    state.status === 'ready'
      ? state.response.keyPairs.map(k => ({ value: k.name, label: k.fingerprint ? `${k.name} (${k.fingerprint})` : k.name }))
      : [];
  return (
    <OpenStackListField
      id={idSchema?.$id}
      label={schema.title ?? 'SSH key pair'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={v => onChange(v as string)}
      what="key pairs"
      state={state}
      items={items}
      emptyLabel="None"
      placeholder="key pair name"
    />
  );
};

/** When the cloud answers: a key pair that exists. */
export const keyPairValidation: CustomFieldValidator<string, OpenStackPickerOptions> = async (value, validation, context) => {
  if (!value) return;
  const live = await liveResourcesFor(context.apiHolder, context.formData, context.uiSchema?.['ui:options']);
  if (live && !live.keyPairs.some(k => k.name === value)) validation.addError(`key pair "${value}" does not exist in the cloud`);
};
