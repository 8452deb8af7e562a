/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Route, Routes } from 'react-router-dom';
import { ClusterPage } from './ClusterPage/ClusterPage';
import { FleetPage } from './FleetPage/FleetPage';

/** The plugin's pages: the fleet at `/` and one cluster at `/clusters/:mc/:ns/:name`. */
export function CapiOpenstackRouter() {
  return (
    <Routes>
      <Route path="/" element={<FleetPage />} />
      <Route path="/clusters/:managementCluster/:namespace/:name" element={<ClusterPage />} />
    </Routes>
  );
}
