/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomFieldValidator, FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { OpenStackImage } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { imageLabel } from '../lib/openstack';
import { OpenStackListField } from './OpenStackListField';
import { imagePrefix, imagesForVersion, liveResourcesFor, OpenStackPickerOptions, PickerItem } from './openstackResources';
import { OpenStackResourcesState } from './useOpenStackResources';
import { useOpenStackPicker } from './useOpenStackPicker';

/**
 * `ui:options` of the image picker.
 * @public
 */
export interface ImagePickerOptions extends OpenStackPickerOptions {
  /** Form field holding the Kubernetes version (default `kubernetesVersion`). */
  versionField?: string;
  /**
   * The value is the name without its `-<version>` suffix (ClusterClasses
   * whose `imageName` variable gets the version appended).
   */
  namePrefix?: boolean;
}

function versionOf(formData: Record<string, unknown> | undefined, options: ImagePickerOptions): string | undefined {
  const v = formData?.[options.versionField ?? 'kubernetesVersion'];
  return typeof v === 'string' && v ? v : undefined;
}

/** The values an image picker accepts for a list of images. */
export function imageChoices(images: OpenStackImage[], version: string | undefined, namePrefix?: boolean): PickerItem[] {
  const matching = imagesForVersion(images, version);
  if (!namePrefix) return matching.map(i => ({ value: i.name, label: imageLabel(i) }));
  const items: PickerItem[] = [];
  for (const image of matching) {
    const prefix = imagePrefix(image, version);
    if (prefix && !items.some(i => i.value === prefix)) items.push({ value: prefix, label: `${prefix} (${image.name})` });
  }
  return items;
}

function itemsOf(state: OpenStackResourcesState, version: string | undefined, namePrefix?: boolean): PickerItem[] {
  return state.status === 'ready' ? imageChoices(state.response.images, version, namePrefix) : [];
}

/** Glance images of the form's cloud built for the form's Kubernetes version; configured ones or free text otherwise. */
export const ImagePicker = (props: FieldExtensionComponentProps<string, ImagePickerOptions>) => {
  const { uiOptions, state, field, formData } = useOpenStackPicker(props, 'Image');
  const version = versionOf(formData, uiOptions);
  return (
    <OpenStackListField
      {...field}
      what="images"
      items={itemsOf(state, version, uiOptions.namePrefix)}
      emptyText={version ? `The cloud has no image for Kubernetes ${version}; enter a name.` : undefined}
      help={version ? `Images for Kubernetes ${version}.` : 'Choose the Kubernetes version to see only its images.'}
      placeholder={uiOptions.namePrefix ? 'ubuntu-2404-kube' : 'ubuntu-2404-kube-v1.34.2'}
    />
  );
};

/** When the cloud answers: an image (or name prefix) that exists for the chosen version. */
export const imageValidation: CustomFieldValidator<string, ImagePickerOptions> = async (value, validation, context) => {
  if (!value) return;
  const uiOptions = context.uiSchema?.['ui:options'] ?? {};
  const live = await liveResourcesFor(context.apiHolder, context.formData, uiOptions);
  if (!live) return;
  const version = versionOf(context.formData, uiOptions);
  if (!imageChoices(live.images, version, uiOptions.namePrefix).some(i => i.value === value)) {
    validation.addError(`image "${value}" does not exist in the cloud${version ? ` for Kubernetes ${version}` : ''}`);
  }
};
