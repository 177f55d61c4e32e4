import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { reportKeys } from "../../lib/query-keys"

export type MoneyFigures = {
  revenue: number
  commission: { pending: number; on_hold: number; approved: number; paid: number; rejected: number; total: number }
  cost_of_sale: number | null
}

export type ReportTotals = {
  clicks: number
  unique_visitors: number
  leads: number
  orders: number
  /** Orders through a tracked click (source `link`). */
  orders_from_clicks: number
  /** Orders from a typed code: no click, so outside the conversion rate. */
  orders_from_codes: number
  /** Orders of customers bound to the partner for life. */
  orders_lifetime: number
  /** Clicks that led to an order, never more than `clicks`. */
  converted_clicks: number
  /** Converted clicks ÷ clicks; null without clicks. */
  conversion_rate: number | null
  by_currency: Record<string, MoneyFigures>
}

export type ReportSummary = {
  from: string
  to: string
  current: ReportTotals
  previous: ReportTotals & { from: string; to: string }
  trend: { clicks: number | null; unique_visitors: number | null; leads: number | null; orders: number | null }
}

/** Program (or one affiliate's) totals for the last 30 days against the 30 before. */
export function useReportSummary(affiliateId?: string) {
  return useQuery({
    queryKey: reportKeys.summary(affiliateId),
    queryFn: () =>
      sdk.client.fetch<{ summary: ReportSummary }>("/admin/affiliate-reports/summary", {
        query: affiliateId ? { affiliate_id: affiliateId } : {},
      }),
  })
}
