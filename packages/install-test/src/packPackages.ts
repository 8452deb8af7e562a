/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@internal/test-support';
import { PublishedPackage, PUBLISHED_PACKAGES } from './publishedPackages';
import { runLogged } from './runLogged';

export interface PackedPackage extends PublishedPackage {
  tarball: string;
  /** Paths in the tarball, without the leading `package/`. */
  files: string[];
  /** package.json as packed (prepack has pointed main/types/exports at dist). */
  packedJson: Record<string, any>;
}

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

/**
 * Builds every published package (`backstage-cli package build`, which needs
 * the declarations tsc writes to dist-types/) and packs it with `npm pack`,
 * as a release would.
 */
export async function packPackages(
  outDir: string,
  logFile: string,
): Promise<PackedPackage[]> {
  fs.mkdirSync(outDir, { recursive: true });
  if (!fs.existsSync(path.join(repoRoot, 'dist-types', 'plugins'))) {
    await runLogged(bin('tsc'), ['-p', 'tsconfig.json'], {
      cwd: repoRoot,
      logFile,
    });
  }
  const packed: PackedPackage[] = [];
  for (const pkg of PUBLISHED_PACKAGES) {
    await runLogged(bin('backstage-cli'), ['package', 'build'], {
      cwd: pkg.dir,
      logFile,
    });
    const out = await runLogged(
      'npm',
      ['pack', '--json', '--pack-destination', outDir],
      { cwd: pkg.dir, logFile },
    );
    // npm prints the prepack script's output before the JSON.
    const [report] = JSON.parse(out.slice(out.indexOf('[')));
    const tarball = path.join(outDir, report.filename);
    const packedJson = JSON.parse(
      await runLogged('tar', ['-xzOf', tarball, 'package/package.json'], {
        cwd: outDir,
        logFile,
      }),
    );
    packed.push({
      ...pkg,
      tarball,
      files: report.files.map((f: { path: string }) => f.path),
      packedJson,
    });
  }
  return packed;
}
