/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { OpenStackListField } from './OpenStackListField';
import { liveResourcesFor, OpenStackPickerOptions } from './openstackResources';
import { useOpenStackPicker } from './useOpenStackPicker';

/** Nova key pairs of the form's identity (the credential's user); free text when they cannot be listed. */
export const KeyPairPicker = (props: FieldExtensionComponentProps<string, OpenStackPickerOptions>) => {
  const { state, field } = useOpenStackPicker(props, 'SSH key pair');
  const items =
    state.status === 'ready'
      ? state.response.keyPairs.map(k => ({ value: k.name, label: k.fingerprint ? `${k.name} (${k.fingerprint})` : k.name }))
      : [];
  return (
    <OpenStackListField
      {...field}
      what="key pairs"
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
