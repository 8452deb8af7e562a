/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create a cluster of a ClusterClass and apply it to the management cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'capi-openstack:cluster:create',
          name: 'Create the cluster',
          input: {
            managementCluster: 'local',
            namespace: 'team-payments',
            name: 'payments-staging',
            kubernetesVersion: 'v1.34.2',
            mode: 'clusterClass',
            clusterClass: 'capi-openstack-demo',
            variables: { certificatesExpiryDays: 30 },
            controlPlaneReplicas: 3,
            controlPlaneFlavor: 'm1.large',
            workerPools: [
              { name: 'md-0', replicas: 2, flavor: 'm1.medium' },
              { name: 'batch', min: 1, max: 5, replicas: 1, flavor: 'm1.xlarge' },
            ],
            image: 'ubuntu-2404-kube',
            identitySecretName: 'payments-cloud-config',
            cloudName: 'openstack',
            owner: 'group:default/team-payments',
            labels: { environment: 'staging' },
          },
        },
      ],
    }),
  },
  {
    description: 'Render the manifests of a plain cluster (no ClusterClass) into the workspace for a GitOps pull request',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'capi-openstack:cluster:create',
          name: 'Render the manifests',
          input: {
            managementCluster: 'local',
            namespace: 'team-data',
            name: 'data-lake',
            kubernetesVersion: 'v1.34.2',
            mode: 'manifests',
            output: 'render',
            controlPlaneReplicas: 1,
            controlPlaneFlavor: 'm1.large',
            workerPools: [{ name: 'md-0', replicas: 3, flavor: 'm1.medium', availabilityZone: 'nova' }],
            image: 'ubuntu-2404-kube-v1.34.2',
            externalNetwork: 'public',
            sshKeyName: 'data-team',
            identitySecretName: 'data-lake-cloud-config',
            owner: 'group:default/team-data',
          },
        },
      ],
    }),
  },
];
