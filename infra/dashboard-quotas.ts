/**
 * CloudWatch's dashboard quotas (CloudWatch service quotas, "Dashboards"; Dashboard Body Structure and Syntax),
 * which Lookout's dashboards stay within whatever the number of checks; a test holds them to it.
 */
export const dashboardQuotas = {
  /** Widgets in one dashboard. */
  widgetsPerDashboard: 500,
  /** Metrics (and expressions) in one graph widget. */
  metricsPerWidget: 500,
  /** Metrics (and expressions) in one dashboard, over all its widgets. */
  metricsPerDashboard: 2_500,
  /** The dashboard body (JSON), in bytes. */
  bodyBytes: 1_000_000,
  /** Time series one SEARCH expression returns, in no useful order: more are left out. */
  seriesPerSearch: 500,
  /** Metrics one Metrics Insights query sorts: more are left out. */
  metricsPerInsightsQuery: 10_000,
} as const;
