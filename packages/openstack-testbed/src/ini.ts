/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** An oslo.config file: sections of key/value pairs. */
export type Ini = Record<string, Record<string, string | number | boolean>>;

/** Renders an INI file; sections and keys keep their order. */
export function renderIni(ini: Ini): string {
  return Object.entries(ini)
    .map(([section, values]) =>
      [
        `[${section}]`,
        ...Object.entries(values).map(([k, v]) => `${k} = ${v}`),
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}
