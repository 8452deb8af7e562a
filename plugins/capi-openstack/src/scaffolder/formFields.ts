/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The pickers as form fields of the new frontend system (/alpha).

import { createFormField, FormField, FormFieldExtensionData } from '@backstage/plugin-scaffolder-react/alpha';
import { pickerFields } from './pickerFields';
import { Picker, PICKERS } from './pickerNames';

// createFormField types options with zod schemas; the pickers are typed by their props.
export const formFields = Object.fromEntries(
  PICKERS.map(picker => [picker, createFormField(pickerFields[picker] as unknown as FormFieldExtensionData)]),
) as Record<Picker, FormField>;
