/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterTree } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { NodeGroupTarget, resourceVersionFor } from '../../lib/targets';

interface Snapshot {
  resourceVersion?: string;
  /** Set by `recapture`: the tree that was current then; the next different tree is taken. */
  staleTree?: ClusterTree;
}

/**
 * The resourceVersion the user saw when opening the dialog: writes carry it
 * so that a change made meanwhile is answered 409, not overwritten.
 * `recapture` (after "Reload") takes the version of the next tree loaded.
 */
export function useVersionSnapshot(open: boolean, tree: ClusterTree | undefined, target?: NodeGroupTarget) {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  useEffect(() => {
    if (!open) setSnapshot(undefined);
    else if (tree && (!snapshot || (snapshot.staleTree && snapshot.staleTree !== tree))) {
      setSnapshot({ resourceVersion: resourceVersionFor(tree, target) });
    }
  }, [open, tree, snapshot, target]);
  return {
    resourceVersion: snapshot?.resourceVersion,
    recapture: () => setSnapshot(s => ({ resourceVersion: s?.resourceVersion, staleTree: tree })),
  };
}
