/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Content, Header, HeaderLabel, Link, Page } from '@backstage/core-components';
import { useParams } from 'react-router-dom';
import { ClusterDetailView } from './ClusterDetailView';

/** `/capi-openstack/clusters/:managementCluster/:namespace/:name`: one cluster outside the catalog. */
export function ClusterPage() {
  const { managementCluster = '', namespace = '', name = '' } = useParams();
  return (
    <Page themeId="tool">
      <Header title={name} subtitle={`${namespace} in ${managementCluster}`} type="Cluster">
        <HeaderLabel
          label="Fleet"
          value={
            <Link to="../../../.." relative="path" color="inherit">
              All clusters
            </Link>
          }
        />
      </Header>
      <Content>
        <ClusterDetailView cluster={{ managementCluster, namespace, name }} />
      </Content>
    </Page>
  );
}
