/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Grid, MenuItem, TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import type { ManagementClusterStatus, Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { VERDICTS } from '../VerdictChip';

/** The filters of the fleet page (single values; empty = all). */
export interface FleetFilterValues {
  managementCluster: string;
  namespace: string;
  verdict: Verdict | '';
  owner: string;
  search: string;
}

export const NO_FILTERS: FleetFilterValues = { managementCluster: '', namespace: '', verdict: '', owner: '', search: '' };

interface Props {
  value: FleetFilterValues;
  onChange(value: FleetFilterValues): void;
  managementClusters: ManagementClusterStatus[];
  /** Namespaces and owners seen so far (suggestions; any text is allowed). */
  namespaces: string[];
  owners: string[];
}

/** A select of one filter whose empty value is "All". */
function AllSelect(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <TextField
      select
      fullWidth
      variant="outlined"
      size="small"
      label={props.label}
      // "All" stays visible and the label floats, instead of the label sitting on the arrow.
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
      value={props.value}
      onChange={e => props.onChange(e.target.value as string)}
    >
      <MenuItem value="">All</MenuItem>
      {props.options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Selects for management cluster and verdict, suggestions for namespace and owner, a debounced search. */
export function FleetFilters({ value, onChange, managementClusters, namespaces, owners }: Props) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => {
    if (search === value.search) return undefined;
    const timer = setTimeout(() => onChange({ ...value, search }), 300);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  const suggest = (field: 'namespace' | 'owner', label: string, options: string[]) => (
    <Autocomplete
      freeSolo
      options={options}
      value={value[field] || null}
      onChange={(_e, v) => onChange({ ...value, [field]: (v as string | null) ?? '' })}
      renderInput={params => <TextField {...params} label={label} variant="outlined" size="small" />}
    />
  );

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          placeholder="Search clusters"
          inputProps={{ 'aria-label': 'Search clusters' }}
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <AllSelect
          label="Management cluster"
          value={value.managementCluster}
          onChange={managementCluster => onChange({ ...value, managementCluster })}
          options={managementClusters.map(mc => ({ value: mc.name, label: mc.title }))}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        {suggest('namespace', 'Namespace', namespaces)}
      </Grid>
      <Grid item xs={6} md={3}>
        {suggest('owner', 'Owner', owners)}
      </Grid>
      <Grid item xs={6} md={2}>
        <AllSelect
          label="Verdict"
          value={value.verdict}
          onChange={verdict => onChange({ ...value, verdict: verdict as Verdict | '' })}
          options={VERDICTS.map(v => ({ value: v, label: v }))}
        />
      </Grid>
    </Grid>
  );
}
