/**
 * The UI's location lives in the URL hash (`#/dashboards/<id>`), so a reload, the back button and a
 * bookmark all land where the user was. Hash routing needs no server support: the same bundle works
 * from the loopback host and from file:// in Electron.
 */
export const SECTIONS = ['dashboards', 'analytics', 'reports', 'data', 'marketplace', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  | { section: 'dashboards'; dashboardId?: string }
  | { section: 'data'; datasetId?: string; view?: 'import' }
  | { section: Exclude<Section, 'dashboards' | 'data'> };

export function parseHash(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (!head) return null;
  if (!(SECTIONS as readonly string[]).includes(head)) return null;
  const section = head as Section;
  if (section === 'dashboards') return id ? { section, dashboardId: id } : { section };
  if (section === 'data') {
    if (id === 'import') return { section, view: 'import' };
    return id ? { section, datasetId: id } : { section };
  }
  return { section };
}

export function formatHash(route: Route): string {
  if (route.section === 'dashboards' && route.dashboardId) return `#/dashboards/${encodeURIComponent(route.dashboardId)}`;
  if (route.section === 'data' && route.view === 'import') return '#/data/import';
  if (route.section === 'data' && route.datasetId) return `#/data/${encodeURIComponent(route.datasetId)}`;
  return `#/${route.section}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatHash(a) === formatHash(b);
}
