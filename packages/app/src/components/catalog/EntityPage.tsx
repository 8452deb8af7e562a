import { Grid, GridItemsAlignment, GridSize } from '@material-ui/core';
import { ComponentProps, ReactElement } from 'react';
import {
  EntityAboutCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSubcomponentsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  isKind,
  hasCatalogProcessingErrors,
  isOrphan,
  hasRelationWarnings,
  EntityRelationWarning,
} from '@backstage/plugin-catalog';
import {
  EntityUserProfileCard,
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import { EntityCatalogGraphCard } from '@backstage/plugin-catalog-graph';
import {
  EntityCapiOpenstackClusterCard,
  EntityCapiOpenstackClusterContent,
  isCapiOpenstackAvailable,
} from '@capi-openstack/backstage-plugin-capi-openstack';

const warnings: Array<[ComponentProps<typeof EntitySwitch.Case>['if'], ReactElement]> = [
  [isOrphan, <EntityOrphanWarning />],
  [hasRelationWarnings, <EntityRelationWarning />],
  [hasCatalogProcessingErrors, <EntityProcessingErrorsPanel />],
];

const entityWarningContent = (
  <>
    {warnings.map(([condition, warning], i) => (
      <EntitySwitch key={i}>
        <EntitySwitch.Case if={condition}>
          <Grid item xs={12}>
            {warning}
          </Grid>
        </EntitySwitch.Case>
      </EntitySwitch>
    ))}
  </>
);

/** A card of an overview grid and its widths. */
interface Cell {
  card: ReactElement;
  md: GridSize;
  xs?: GridSize;
}

const cell = (card: ReactElement, md: GridSize, xs?: GridSize): Cell => ({ card, md, xs });

/** The warnings, then the cards. */
const overview = (cells: Cell[], alignItems?: GridItemsAlignment) => (
  <Grid container spacing={3} alignItems={alignItems}>
    {entityWarningContent}
    {cells.map(({ card, md, xs }, i) => (
      <Grid item key={i} md={md} xs={xs}>
        {card}
      </Grid>
    ))}
  </Grid>
);

/** An entity page: the overview tab, then any others. */
const layout = (overviewTab: ReactElement, otherTabs?: ReactElement) => (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewTab}
    </EntityLayout.Route>
    {otherTabs}
  </EntityLayout>
);

// The first row of most overviews.
const aboutAndGraph = [cell(<EntityAboutCard />, 6), cell(<EntityCatalogGraphCard height={400} />, 6, 12)];

const defaultEntityPage = layout(
  overview([...aboutAndGraph, cell(<EntityLinksCard />, 4, 12), cell(<EntityHasSubcomponentsCard />, 8, 12)], 'stretch'),
);

const resourcePage = layout(
  overview([...aboutAndGraph, cell(<EntityLinksCard />, 6, 12), cell(<EntityDependsOnResourcesCard />, 6, 12)], 'stretch'),
);

// Workload clusters published by the capi-openstack catalog module.
const kubernetesClusterPage = layout(
  overview(
    [cell(<EntityCapiOpenstackClusterCard />, 6, 12), cell(<EntityAboutCard />, 6, 12), cell(<EntityLinksCard />, 6, 12)],
    'stretch',
  ),
  <EntityLayout.Route path="/capi-openstack" title="Cluster">
    <EntityCapiOpenstackClusterContent />
  </EntityLayout.Route>,
);

const userPage = layout(overview([cell(<EntityUserProfileCard />, 6, 12), cell(<EntityOwnershipCard />, 6, 12)]));

const groupPage = layout(
  overview([
    cell(<EntityGroupProfileCard />, 6, 12),
    cell(<EntityOwnershipCard />, 6, 12),
    cell(<EntityMembersListCard />, 6, 12),
    cell(<EntityLinksCard />, 6, 12),
  ]),
);

const systemPage = layout(
  overview([...aboutAndGraph, cell(<EntityHasComponentsCard />, 6), cell(<EntityHasResourcesCard />, 6)], 'stretch'),
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isCapiOpenstackAvailable} children={kubernetesClusterPage} />
    <EntitySwitch.Case if={isKind('resource')} children={resourcePage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
