/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { downloadModule, findGo, runGo } from './go';
import { cacheDir, Logger } from '@internal/test-support';
import { stderrLogger } from './paths';

/** Pinned releases of the control plane binaries. */
export const KUBERNETES_VERSION = 'v1.34.4';
export const ETCD_VERSION = 'v3.6.16';

export interface ControlPlaneBinaries {
  kubeApiserver: string;
  etcd: string;
  /** Where they came from: KUBEBUILDER_ASSETS or the Go-built cache. */
  source: 'KUBEBUILDER_ASSETS' | 'cache';
}

export function isExecutable(file: string) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Returns kube-apiserver and etcd: from `KUBEBUILDER_ASSETS` when it names a
 * folder holding both, otherwise built from Go modules into a per-user cache
 * keyed by version (the second call returns at once).
 */
export async function ensureBinaries(
  log: Logger = stderrLogger,
): Promise<ControlPlaneBinaries> {
  const assets = process.env.KUBEBUILDER_ASSETS;
  if (assets) {
    const kubeApiserver = path.join(assets, 'kube-apiserver');
    const etcd = path.join(assets, 'etcd');
    if (isExecutable(kubeApiserver) && isExecutable(etcd)) {
      return { kubeApiserver, etcd, source: 'KUBEBUILDER_ASSETS' };
    }
    log(
      `KUBEBUILDER_ASSETS=${assets} does not hold executable kube-apiserver and etcd; building them instead`,
    );
  }
  const kubeApiserver = path.join(
    cacheDir(),
    'bin',
    `kubernetes-${KUBERNETES_VERSION}`,
    'kube-apiserver',
  );
  const etcd = path.join(cacheDir(), 'bin', `etcd-${ETCD_VERSION}`, 'etcd');
  if (!isExecutable(kubeApiserver) || !reportsVersion(kubeApiserver, KUBERNETES_VERSION, log)) {
    await buildKubeApiserver(kubeApiserver, log);
  }
  if (!isExecutable(etcd)) await buildEtcd(etcd, log);
  return { kubeApiserver, etcd, source: 'cache' };
}

/**
 * Whether `binary --version` names `version`. Builds before the version was
 * stamped in said v0.0.0-master (the CAPI controllers refuse such a server).
 */
const checkedVersions = new Set<string>();

function reportsVersion(binary: string, version: string, log: Logger): boolean {
  // Asked once per process: a test run starts many servers from one binary.
  if (checkedVersions.has(binary)) return true;
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const ok = `${out.stdout}${out.stderr}`.includes(version);
  if (ok) checkedVersions.add(binary);
  else log(`${binary} does not report ${version}: building it again`);
  return ok;
}

/** A throw-away module folder outside the repository. */
export function wrapperDir(name: string) {
  const dir = path.join(cacheDir(), 'go-wrappers', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `-X` flags that set a release's version variables (`gitVersion`, `gitMajor`,
 * `gitMinor`) in `versionPackage`: a build from the module cache leaves them
 * at `v0.0.0-master`, which clients that check the server version refuse.
 */
export function versionLdflags(versionPackage: string, version: string): string {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return [
    `-X ${versionPackage}.gitVersion=${version}`,
    `-X ${versionPackage}.gitMajor=${major}`,
    `-X ${versionPackage}.gitMinor=${minor}`,
    `-X ${versionPackage}.gitTreeState=clean`,
  ].join(' ');
}

export async function goBuild(
  go: string,
  dir: string,
  pkg: string,
  output: string,
  log: Logger,
  ldflags?: string,
) {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const tmp = `${output}.tmp-${process.pid}`;
  let compiled = 0;
  const started = Date.now();
  // `-v` prints each package as it is compiled: used as a progress counter.
  await runGo(go, ['build', '-v', ...(ldflags ? ['-ldflags', ldflags] : []), '-o', tmp, pkg], {
    cwd: dir,
    log: line => {
      compiled++;
      if (compiled % 200 === 0) {
        log(
          `  ${path.basename(output)}: ${compiled} packages compiled (${Math.round((Date.now() - started) / 1000)} s)`,
        );
      }
      // `-v` lines are bare package paths (some named …/errors); compiler messages have spaces.
      if (/\s/.test(line.trim()) && /error|cannot|undefined/i.test(line)) log(line);
    },
  });
  // Rename is atomic: a concurrent build of the same version is harmless.
  fs.renameSync(tmp, output);
  log(
    `built ${output} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

/**
 * kube-apiserver from `k8s.io/kubernetes`: its go.mod points every staging
 * module (k8s.io/api, k8s.io/apiserver, ...) at `./staging/...` with replace
 * lines, which a dependent module ignores; the wrapper replaces each with its
 * published `v0.X.Y` release, the usual way to consume Kubernetes as a module.
 */
async function buildKubeApiserver(output: string, log: Logger) {
  const go = await findGo();
  log(
    `building kube-apiserver ${KUBERNETES_VERSION} from Go modules (first run only: about 5 minutes on 2 cores)`,
  );
  const dir = wrapperDir(`kubernetes-${KUBERNETES_VERSION}`);
  const { goMod } = await downloadModule(
    go,
    'k8s.io/kubernetes',
    KUBERNETES_VERSION,
    log,
    dir,
  );
  const staging = [
    ...fs
      .readFileSync(goMod, 'utf8')
      .matchAll(/^\s*(k8s\.io\/[\w.-]+)\s+=>\s+\.\/staging\//gm),
  ].map(m => m[1]);
  const stagingVersion = KUBERNETES_VERSION.replace(/^v1\./, 'v0.');
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    [
      'module local/kube-apiserver-wrapper',
      '',
      'go 1.24.0',
      '',
      `require k8s.io/kubernetes ${KUBERNETES_VERSION}`,
      '',
      ...staging.map(m => `replace ${m} => ${m} ${stagingVersion}`),
      '',
    ].join('\n'),
  );
  await tidyAndBuild(
    go,
    dir,
    'k8s.io/kubernetes/cmd/kube-apiserver',
    output,
    log,
    versionLdflags('k8s.io/component-base/version', KUBERNETES_VERSION),
  );
}

/** etcd: `go.etcd.io/etcd/server/v3` has a main package at its root. */
async function buildEtcd(output: string, log: Logger) {
  const go = await findGo();
  log(`building etcd ${ETCD_VERSION} from Go modules (first run only: about 1 minute)`);
  const dir = wrapperDir(`etcd-${ETCD_VERSION}`);
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    `module local/etcd-wrapper\n\ngo 1.24.0\n\nrequire go.etcd.io/etcd/server/v3 ${ETCD_VERSION}\n`,
  );
  await tidyAndBuild(go, dir, 'go.etcd.io/etcd/server/v3', output, log);
}

/**
 * Pins `packages` in tools.go of the wrapper module and resolves their
 * modules; `tolerateErrors` tidies with `-e` (a module only the packages'
 * tests import cannot be fetched).
 */
export async function pinAndTidy(
  go: string,
  dir: string,
  packages: string[],
  options: { tolerateErrors?: boolean } = {},
) {
  fs.writeFileSync(
    path.join(dir, 'tools.go'),
    `//go:build tools\n\npackage tools\n\n${packages.map(p => `import _ "${p}"`).join('\n')}\n`,
  );
  await runGo(go, ['mod', 'tidy', ...(options.tolerateErrors ? ['-e'] : [])], { cwd: dir, log: () => {} });
}

/** Pins `pkg` in tools.go of the wrapper module, resolves its modules and builds it. */
async function tidyAndBuild(go: string, dir: string, pkg: string, output: string, log: Logger, ldflags?: string) {
  log('  resolving modules (go mod tidy)');
  await pinAndTidy(go, dir, [pkg]);
  await goBuild(go, dir, pkg, output, log, ldflags);
}
