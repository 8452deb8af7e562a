/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterTree } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { resourceVersionFor, VersionTarget } from '../../lib/targets';

interface Snapshot {
  resourceVersion?: string;
  /** Set by `recapture`: the next tree with another version for the target is taken. */
  stale?: boolean;
}

/**
 * The resourceVersion the user saw when opening the dialog: writes carry it
 * so that a change made meanwhile is answered 409, not overwritten.
 * `recapture` (after "Reload") takes the version of the next tree loaded.
 */
export function useVersionSnapshot(open: boolean, tree: ClusterTree | undefined, target?: VersionTarget) {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  useEffect(() => {
    if (!open) setSnapshot(undefined);
    else if (tree) {
      // Compared by version, not by tree identity: a refetch that was already
      // under way when the user pressed Reload may still bring the old version.
      const current = resourceVersionFor(tree, target);
      if (!snapshot || (snapshot.stale && current !== snapshot.resourceVersion)) {
        setSnapshot({ resourceVersion: current });
      }
    }
  }, [open, tree, snapshot, target]);
  return {
    resourceVersion: snapshot?.resourceVersion,
    recapture: () => setSnapshot(s => ({ resourceVersion: s?.resourceVersion, stale: true })),
  };
}
