/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { OpenStackPickerOptions } from './openstackResources';
import { useOpenStackResources } from './useOpenStackResources';

/**
 * What a cloud picker needs from its field props: its `ui:options`, the
 * cloud lists of the form's identity, and the props of OpenStackListField
 * that come from the form (`field`).
 */
export function useOpenStackPicker<T extends string | string[], O extends OpenStackPickerOptions>(
  props: FieldExtensionComponentProps<T, O>,
  defaultLabel: string,
) {
  const { onChange, formData, schema, required, rawErrors, idSchema, formContext, uiSchema } = props;
  const uiOptions: O = uiSchema?.['ui:options'] ?? ({} as O);
  const state = useOpenStackResources(formContext?.formData, uiOptions);
  const field = {
    id: idSchema?.$id,
    label: schema.title ?? defaultLabel,
    description: schema.description,
    required,
    rawErrors,
    value: formData,
    onChange: (v: string | string[] | undefined) => onChange(v as T),
    state,
  };
  return { uiOptions, state, field, formData: formContext?.formData };
}
