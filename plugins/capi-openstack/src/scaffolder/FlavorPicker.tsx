/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { flavorLabel, fallbackNote } from '../lib/openstack';
import { allowedFlavors, defaultFlavor, fetchCreateOptions } from './createOptions';
import { OpenStackListField } from './OpenStackListField';
import { liveResourcesFor, OpenStackPickerOptions, PickerItem } from './openstackResources';
import { useCreateOptions } from './useCreateOptions';
import { OpenStackResourcesState } from './useOpenStackResources';
import { useOpenStackPicker } from './useOpenStackPicker';

/**
 * `ui:options` of the flavor picker.
 * @public
 */
export interface FlavorPickerOptions extends OpenStackPickerOptions {
  /** ClusterClass variable whose enum lists the flavors when none are configured (e.g. `workerFlavor`). */
  variable?: string;
}

/**
 * What the flavor picker offers: the cloud's flavors (only the allowed ones
 * when `capiOpenstack.flavors` or the class restricts them), else the allowed
 * names, else the configured fallback of the cloud answer.
 */
export function flavorChoices(
  state: OpenStackResourcesState,
  allowed: string[],
): { items: PickerItem[]; note?: { severity: 'info' | 'warning'; text: string } } {
  const names = (list: string[]) => list.map(f => ({ value: f, label: f }));
  if (state.status !== 'ready') return { items: names(allowed) };
  const { response } = state;
  if (!response.available) {
    const items = allowed.length ? names(allowed) : response.flavors.map(f => ({ value: f.name, label: flavorLabel(f) }));
    return { items, note: { severity: 'warning', text: fallbackNote(response, 'flavors', items.length > 0) } };
  }
  const live = response.flavors.filter(f => !allowed.length || allowed.includes(f.name));
  if (allowed.length && !live.length) {
    return {
      items: names(allowed),
      note: { severity: 'warning', text: `None of the allowed flavors exists in the cloud; showing the allowed names.` },
    };
  }
  return { items: live.map(f => ({ value: f.name, label: flavorLabel(f) })) };
}

/**
 * Nova flavors of the cloud the form's identity names (vCPUs, RAM, disk),
 * restricted to `capiOpenstack.flavors` or the class variable's enum; those
 * lists alone (with a note) when the cloud cannot be reached; free text when
 * nothing lists flavors.
 */
export const FlavorPicker = (props: FieldExtensionComponentProps<string, FlavorPickerOptions>) => {
  const { uiOptions, state: cloud, field, formData } = useOpenStackPicker(props, 'Flavor');
  const variable = uiOptions.variable;
  const { value: options, error } = useCreateOptions();
  const allowed = options ? allowedFlavors(options, formData, variable) : [];
  const classDefault = options ? defaultFlavor(options, formData, variable) : undefined;
  // The cloud's list is restricted by the allowed flavors: wait for both.
  const state: OpenStackResourcesState = options || error ? cloud : { status: 'loading' };
  const { items, note } = flavorChoices(state, allowed);
  return (
    <OpenStackListField
      {...field}
      rawErrors={error ? [error.message, ...(props.rawErrors ?? [])] : props.rawErrors}
      what="flavors"
      state={state}
      items={items}
      note={note}
      emptyLabel={classDefault ? `Class default (${classDefault})` : 'Default'}
      help={[
        error ? `Could not load the allowed flavors: ${error.message}` : undefined,
        classDefault ? `Class default: ${classDefault}` : undefined,
      ]
        .filter(Boolean)
        .join(' ')}
      placeholder={classDefault ?? 'm1.medium'}
    />
  );
};

/** Only allowed flavors, and (when the cloud answers) flavors that exist. */
export const flavorValidation: CustomFieldValidator<string, FlavorPickerOptions> = async (value, validation, context) => {
  if (!value) return;
  const uiOptions = context.uiSchema?.['ui:options'] ?? {};
  const flavors = allowedFlavors(await fetchCreateOptions(context.apiHolder), context.formData, uiOptions.variable);
  if (flavors.length && !flavors.includes(value)) {
    validation.addError(`flavor "${value}" is not allowed (allowed: ${flavors.join(', ')})`);
    return;
  }
  const live = await liveResourcesFor(context.apiHolder, context.formData, uiOptions);
  if (live && !live.flavors.some(f => f.name === value)) validation.addError(`flavor "${value}" does not exist in the cloud`);
};
