/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

/** The TextField props a create-form field takes from its field props. */
export function textFieldProps(props: FieldExtensionComponentProps<any, any>, defaultLabel: string) {
  return {
    id: props.idSchema?.$id,
    fullWidth: true,
    margin: 'normal' as const,
    label: props.schema.title ?? defaultLabel,
    required: props.required,
  };
}
