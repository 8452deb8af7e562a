/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { OpenStackNetwork } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { OpenStackListField } from './OpenStackListField';
import { liveResourcesFor, NetworkKind, networksOfKind, OpenStackPickerOptions, PickerItem } from './openstackResources';
import { useOpenStackPicker } from './useOpenStackPicker';

/**
 * `ui:options` of the network picker.
 * @public
 */
export interface NetworkPickerOptions extends OpenStackPickerOptions {
  /** Which networks: `external` (floating IPs come from them; the default), `tenant` or `all`. */
  networks?: NetworkKind;
  /** The value: the network's `name` (default) or its `id`. */
  valueField?: 'name' | 'id';
}

/** The values a network picker offers. */
export function networkChoices(networks: OpenStackNetwork[], options: NetworkPickerOptions): PickerItem[] {
  const kind = options.networks ?? 'external';
  return networksOfKind(networks, kind).map(n => ({
    value: options.valueField === 'id' ? n.id : n.name,
    label: `${n.name}${kind === 'all' && n.external ? ' (external)' : ''} — ${n.id}`,
  }));
}

const WHAT = { external: 'external networks', tenant: 'tenant networks', all: 'networks' };

/** Neutron networks of the form's cloud (external ones unless `ui:options.networks` says otherwise). */
export const NetworkPicker = (props: FieldExtensionComponentProps<string, NetworkPickerOptions>) => {
  const { uiOptions, state, field } = useOpenStackPicker(props, 'Network');
  return (
    <OpenStackListField
      {...field}
      what={WHAT[uiOptions.networks ?? 'external']}
      items={state.status === 'ready' ? networkChoices(state.response.networks, uiOptions) : []}
      emptyLabel="None (the default of the cluster template)"
      placeholder={uiOptions.valueField === 'id' ? 'network id' : 'network name or id'}
    />
  );
};

/** When the cloud answers: a network of the listed kind (by name or id). */
export const networkValidation: CustomFieldValidator<string, NetworkPickerOptions> = async (value, validation, context) => {
  if (!value) return;
  const uiOptions = context.uiSchema?.['ui:options'] ?? {};
  const live = await liveResourcesFor(context.apiHolder, context.formData, uiOptions);
  if (!live) return;
  const kind = uiOptions.networks ?? 'external';
  if (!networksOfKind(live.networks, kind).some(n => n.id === value || n.name === value)) {
    validation.addError(`network "${value}" is not one of the cloud's ${WHAT[kind]}`);
  }
};
