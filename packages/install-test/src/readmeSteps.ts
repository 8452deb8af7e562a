/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The README's "Adding the plugins to an existing Backstage app" section is
// what the install test applies: each fenced block after an
// `<!-- install-test: KEY -->` marker, read from the README itself so that
// the two cannot disagree.

import { parse as parseYaml } from 'yaml';

/** The fenced block following `<!-- install-test: key -->` in the markdown. */
export function markedBlock(markdown: string, key: string): string {
  const marker = `<!-- install-test: ${key} -->`;
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}" marker`);
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(
    markdown.slice(at + marker.length),
  );
  if (!block) throw new Error(`README has no fenced block after "${marker}"`);
  return block[1];
}

export interface ReadmeSteps {
  /** Package names added per workspace folder (`yarn --cwd <folder> add <names…>`). */
  install: Array<{ workspace: string; packages: string[] }>;
  /** Lines added to packages/backend/src/index.ts, before `backend.start()`. */
  backendLines: string[];
  /** The app-config.yaml block, parsed. */
  appConfig: Record<string, unknown>;
}

export function readmeSteps(markdown: string): ReadmeSteps {
  const install = markedBlock(markdown, 'install')
    .split('\n')
    .filter(line => line.trim())
    .map(line => {
      const m = /^yarn --cwd (\S+) add ((?:@?[\w./-]+ ?)+)$/.exec(line.trim());
      if (!m)
        throw new Error(
          `README install line is not "yarn --cwd <folder> add <packages>": ${line}`,
        );
      return { workspace: m[1], packages: m[2].trim().split(/\s+/) };
    });
  const backendLines = markedBlock(markdown, 'packages/backend/src/index.ts')
    .split('\n')
    .filter(line => line.trim());
  const appConfig = parseYaml(markedBlock(markdown, 'app-config.yaml'));
  if (!appConfig || typeof appConfig !== 'object')
    throw new Error('README app-config.yaml block is not a YAML mapping');
  return { install, backendLines, appConfig };
}

/** `source` with `lines` inserted before its `backend.start();`. */
export function addBackendLines(source: string, lines: string[]): string {
  const at = source.lastIndexOf('backend.start();');
  if (at < 0)
    throw new Error('packages/backend/src/index.ts has no backend.start();');
  return `${source.slice(0, at)}${lines.join('\n')}\n\n${source.slice(at)}`;
}
