/** The command centre's filters, kept in the URL and sent to every one of its requests. */
export type DashboardQuery = { from?: string; to?: string; unitId?: string };
export const DASHBOARD_FILTERS = ['from', 'to', 'unitId'] as const;
