/**
 * The app's sections: label, icon and the component that renders each, each in its own chunk so the
 * first paint stays lean. Dashboards are the first screen: their chunk (ECharts, the grid) starts
 * loading the moment this module runs, so it downloads and compiles while the boot calls are in
 * flight instead of after them. A later feature replaces its section's placeholder here.
 */
import { lazy, type ComponentType } from 'react';
import type { Section } from '../app/router.js';
import type { IconName } from '../ui/Icon.js';

const dashboardsChunk = import('../features/dashboards/DashboardsSection.js');

export interface SectionEntry {
  label: string;
  icon: IconName;
  component: ComponentType;
}

export const SECTIONS_UI: Record<Section, SectionEntry> = {
  dashboards: { label: 'Dashboards', icon: 'dashboard', component: lazy(() => dashboardsChunk) },
  analytics: { label: 'Analytics', icon: 'analytics', component: lazy(() => import('../features/analytics/AnalyticsSection.js')) },
  reports: { label: 'Reports', icon: 'reports', component: lazy(() => import('../features/reports/ReportsSection.js')) },
  data: { label: 'Data', icon: 'data', component: lazy(() => import('../features/data/DataSection.js')) },
  marketplace: { label: 'Marketplace', icon: 'marketplace', component: lazy(() => import('../features/marketplace/MarketplaceSection.js')) },
  settings: { label: 'Settings', icon: 'settings', component: lazy(() => import('../features/settings/SettingsSection.js')) },
};
