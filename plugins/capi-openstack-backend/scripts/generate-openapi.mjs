/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Turns src/schema/openapi.yaml (the source of truth) into a typed constant
// for createValidatedOpenApiRouter. (backstage-repo-tools' server generator
// needs a Java jar from Maven Central, which this project does not require.)
// Usage: node scripts/generate-openapi.mjs [--check]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src/schema/openapi.yaml');
const target = path.join(root, 'src/schema/openapi.generated.ts');

export function render() {
  const spec = yaml.load(fs.readFileSync(source, 'utf8'));
  return `/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// GENERATED from openapi.yaml by scripts/generate-openapi.mjs; do not edit.
// prettier-ignore
/* eslint-disable */

export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;
}

if (process.argv.includes('--check')) {
  if (fs.readFileSync(target, 'utf8') !== render()) {
    console.error(`${path.relative(process.cwd(), target)} is out of date: run node scripts/generate-openapi.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, render());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
