/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  featureGates,
  kustomizationLabels,
  kustomizationPatchPaths,
  localCrd,
  localManagerArgs,
  localWebhookConfigurations,
  managerArgs,
  substituteVariables,
} from './manifests';

const deployment = {
  metadata: { name: 'controller-manager' },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'manager',
            args: [
              '--leader-elect',
              '--diagnostics-address=${CAPI_DIAGNOSTICS_ADDRESS:=:8443}',
              '--insecure-diagnostics=${CAPI_INSECURE_DIAGNOSTICS:=false}',
              '--feature-gates=MachinePool=${EXP_MACHINE_POOL:=true},ClusterTopology=${CLUSTER_TOPOLOGY:=false}',
              '--bootstrap-token-ttl=${KUBEADM_BOOTSTRAP_TOKEN_TTL:=15m}',
            ],
          },
        ],
      },
    },
  },
};

describe('controller manifests', () => {
  it('substitutes clusterctl variables, keeping the defaults of unset ones', () => {
    expect(substituteVariables('a=${X:=1},b=${Y:=2}', { Y: '3' })).toBe('a=1,b=3');
    expect(() => substituteVariables('${Z}', {})).toThrow('No value for ${Z} and no default in the manifest');
  });

  it('runs the manager on our ports with the manifest feature gates and tuning', () => {
    const args = managerArgs(deployment, { CLUSTER_TOPOLOGY: 'true' });
    expect(featureGates(args)).toEqual({ MachinePool: true, ClusterTopology: true });
    expect(
      localManagerArgs(args, { webhookPort: 1, webhookCertDir: '/certs', healthPort: 2, metricsPort: 3 }),
    ).toEqual([
      '--feature-gates=MachinePool=true,ClusterTopology=true',
      '--bootstrap-token-ttl=15m',
      '--leader-elect=false',
      '--diagnostics-address=127.0.0.1:3',
      '--insecure-diagnostics=true',
      '--health-addr=127.0.0.1:2',
      '--webhook-port=1',
      '--webhook-cert-dir=/certs',
    ]);
    expect(() => managerArgs({ metadata: { name: 'x' }, spec: {} }, {})).toThrow('Deployment x has no "manager" container');
  });

  it('points webhook configurations at a loopback URL with our CA, names prefixed', () => {
    const [config] = localWebhookConfigurations(
      [
        {
          apiVersion: 'admissionregistration.k8s.io/v1',
          kind: 'ValidatingWebhookConfiguration',
          metadata: { name: 'validating-webhook-configuration' },
          webhooks: [{ name: 'v.cluster', clientConfig: { service: { name: 'webhook-service', namespace: 'system', path: '/validate-x' } } }],
        },
        { kind: 'Service', metadata: { name: 'webhook-service' } },
      ],
      { namePrefix: 'capi', baseUrl: 'https://127.0.0.1:9443', caBundle: 'Q0E=' },
    );
    expect(config.metadata.name).toBe('capi-validating-webhook-configuration');
    expect((config as any).webhooks[0].clientConfig).toEqual({ url: 'https://127.0.0.1:9443/validate-x', caBundle: 'Q0E=' });
  });

  it('labels CRDs with the contract versions and sets their conversion webhook', () => {
    const kustomization = {
      labels: [{ pairs: { 'cluster.x-k8s.io/v1beta1': 'v1beta1', 'cluster.x-k8s.io/v1beta2': 'v1beta2' } }],
      patches: [{ path: 'patches/webhook_in_clusters.yaml' }, 'patches/other.yaml'],
    };
    expect(kustomizationPatchPaths(kustomization)).toEqual(['patches/webhook_in_clusters.yaml', 'patches/other.yaml']);
    const labels = kustomizationLabels(kustomization);
    const crd = { metadata: { name: 'clusters.cluster.x-k8s.io' }, spec: { conversion: { strategy: 'None' } } };
    const conversion = {
      strategy: 'Webhook',
      webhook: { conversionReviewVersions: ['v1'], clientConfig: { service: { name: 'webhook-service', path: '/convert' } } },
    };
    const local = localCrd(crd, { labels, conversion, baseUrl: 'https://127.0.0.1:9443', caBundle: 'Q0E=' }) as any;
    expect(local.metadata.labels).toEqual({ 'cluster.x-k8s.io/v1beta1': 'v1beta1', 'cluster.x-k8s.io/v1beta2': 'v1beta2' });
    expect(local.spec.conversion).toEqual({
      strategy: 'Webhook',
      webhook: { conversionReviewVersions: ['v1'], clientConfig: { url: 'https://127.0.0.1:9443/convert', caBundle: 'Q0E=' } },
    });
    // Without a running controller the conversion stays as installed.
    expect((localCrd(crd, { labels, conversion }) as any).spec.conversion).toEqual({ strategy: 'None' });
    expect(crd.metadata).toEqual({ name: 'clusters.cluster.x-k8s.io' });
  });
});
