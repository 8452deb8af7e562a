/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Button, Tooltip } from '@material-ui/core';
import { ReactNode } from 'react';

/** A button that, when disabled, says why (tooltip and accessible description). */
export function ActionButton(props: {
  children: ReactNode;
  onClick(): void;
  /** Why the button is disabled; absent = enabled. */
  disabledReason?: string;
  'aria-label'?: string;
  color?: 'primary' | 'secondary' | 'default';
}) {
  const button = (
    <Button
      size="small"
      variant="outlined"
      color={props.color ?? 'default'}
      onClick={props.onClick}
      disabled={Boolean(props.disabledReason)}
      aria-label={props['aria-label']}
      title={props.disabledReason}
      style={{ marginRight: 8, marginBottom: 4 }}
    >
      {props.children}
    </Button>
  );
  if (!props.disabledReason) return button;
  // A disabled button fires no events: the tooltip listens on a wrapper.
  return (
    <Tooltip title={props.disabledReason}>
      <span>{button}</span>
    </Tooltip>
  );
}
