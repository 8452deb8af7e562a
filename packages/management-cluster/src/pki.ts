/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface Pki {
  caCert: string;
  servingCert: string;
  servingKey: string;
  serviceAccountPublicKey: string;
  serviceAccountPrivateKey: string;
  /** PEM of the CA, for kubeconfigs. */
  caPem: string;
}

async function openssl(args: string[], cwd: string) {
  try {
    await execFileAsync('openssl', args, { cwd });
  } catch (e: any) {
    if (e.code === 'ENOENT') {
      throw new Error(
        'openssl is needed to create the local API server certificates: install it (apt-get install openssl)',
      );
    }
    throw new Error(`openssl ${args[0]} failed: ${e.stderr ?? e.message}`);
  }
}

/**
 * A throw-away CA and a serving certificate for 127.0.0.1/localhost, plus the
 * service account signing key pair kube-apiserver requires.
 */
export async function createPki(dir: string): Promise<Pki> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  await openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-subj', '/CN=capi-openstack-local-ca',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', 'ca.key', '-out', 'ca.crt'],
    dir,
  );
  await openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kube-apiserver',
      '-keyout', 'serving.key', '-out', 'serving.csr'],
    dir,
  );
  fs.writeFileSync(
    path.join(dir, 'serving.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\n' +
      'extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  await openssl(
    ['x509', '-req', '-in', 'serving.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key',
      '-CAcreateserial', '-days', '30', '-extfile', 'serving.ext', '-out', 'serving.crt'],
    dir,
  );
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey);
  fs.writeFileSync(path.join(dir, 'sa.key'), privateKey, { mode: 0o600 });
  return {
    caCert: path.join(dir, 'ca.crt'),
    servingCert: path.join(dir, 'serving.crt'),
    servingKey: path.join(dir, 'serving.key'),
    serviceAccountPublicKey: path.join(dir, 'sa.pub'),
    serviceAccountPrivateKey: path.join(dir, 'sa.key'),
    caPem: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
  };
}

/**
 * A serving certificate for 127.0.0.1 signed by the CA of `pkiDir`, as
 * `tls.crt`/`tls.key` in `outDir` (the names controller-runtime's webhook
 * server reads).
 */
export async function issueServingCert(pkiDir: string, outDir: string, commonName: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const key = path.join(outDir, 'tls.key');
  const csr = path.join(outDir, 'tls.csr');
  const ext = path.join(outDir, 'tls.ext');
  await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${commonName}`, '-keyout', key, '-out', csr], pkiDir);
  fs.writeFileSync(
    ext,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  await openssl(
    ['x509', '-req', '-in', csr, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30',
      '-extfile', ext, '-out', path.join(outDir, 'tls.crt')],
    pkiDir,
  );
  fs.rmSync(csr);
  fs.rmSync(ext);
}
