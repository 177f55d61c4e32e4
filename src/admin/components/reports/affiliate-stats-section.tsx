import { ReportSummary } from "../report-summary"

/**
 * The partner page's statistics (owned by the Reports screen): today the
 * 30-day summary; the chart by day with a date range goes here.
 */
export const AffiliateStatsSection = ({ affiliateId }: { affiliateId: string }) => (
  <ReportSummary affiliateId={affiliateId} />
)
