/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { OpenStackListField } from './OpenStackListField';
import { liveResourcesFor, OpenStackPickerOptions } from './openstackResources';
import { useOpenStackPicker } from './useOpenStackPicker';

/**
 * `ui:options` of the availability zone picker.
 * @public
 */
export interface AvailabilityZonePickerOptions extends OpenStackPickerOptions {
  /** Several zones (also implied by an `array` schema). */
  multiple?: boolean;
}

/**
 * Nova availability zones of the form's cloud (unavailable ones shown but not
 * choosable); one zone, or several for an `array` field.
 */
export const AvailabilityZonePicker = (
  props: FieldExtensionComponentProps<string | string[], AvailabilityZonePickerOptions>,
) => {
  const { uiOptions, state, field } = useOpenStackPicker(props, 'Availability zone');
  const multiple = props.schema.type === 'array' || Boolean(uiOptions.multiple);
  const items =
    state.status === 'ready'
      ? state.response.availabilityZones.map(z => ({
          value: z.name,
          label: z.available ? z.name : `${z.name} (not available)`,
          disabled: !z.available,
        }))
      : [];
  return (
    <OpenStackListField
      {...field}
      label={props.schema.title ?? (multiple ? 'Availability zones' : 'Availability zone')}
      onChange={v => props.onChange((multiple ? v ?? [] : v) as string | string[])}
      multiple={multiple}
      what="availability zones"
      items={items}
      emptyLabel="Any"
      placeholder={multiple ? 'az-1, az-2' : 'az-1'}
    />
  );
};

/** When the cloud answers: zones that exist and are available. */
export const availabilityZoneValidation: CustomFieldValidator<string | string[], AvailabilityZonePickerOptions> = async (
  value,
  validation,
  context,
) => {
  const zones = (Array.isArray(value) ? value : [value]).filter((z): z is string => Boolean(z));
  if (!zones.length) return;
  const live = await liveResourcesFor(context.apiHolder, context.formData, context.uiSchema?.['ui:options']);
  if (!live) return;
  for (const zone of zones) {
    const found = live.availabilityZones.find(z => z.name === zone);
    if (!found) validation.addError(`availability zone "${zone}" does not exist in the cloud`);
    else if (!found.available) validation.addError(`availability zone "${zone}" is not available`);
  }
};
