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

// ---- The Reports screen and the partner page's statistics ----

export type ReportGroup = "day" | "affiliate" | "sales_channel" | "code" | "link" | "utm_campaign"

/** One row of a report: the figures of one day, partner, campaign, channel, code or link. */
export type ReportRow = ReportTotals & { key: string }

export type ReportQuery = {
  group_by: ReportGroup
  from: string
  to: string
  affiliate_id?: string
  /** B4: the internal channels (true) or the external partners (false) only. */
  is_internal?: boolean
  currency_code?: string
  order_by?: "key" | "clicks" | "leads" | "orders" | "revenue" | "commission"
  limit?: number
}

export const reportRowKeys = {
  all: ["affiliate-reports", "rows"] as const,
  rows: (query: ReportQuery) => ["affiliate-reports", "rows", query] as const,
  totals: (query: Record<string, unknown>) => ["affiliate-reports", "totals", query] as const,
  names: (kind: string, ids: string[]) => ["affiliate-reports", "names", kind, ids] as const,
}

/** Drops the undefined values, so they don't reach the query string. */
function defined(query: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ""))
}

/** Report rows grouped by day, partner, campaign, channel, code or link over a range. */
export function useReportRows(query: ReportQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportRowKeys.rows(query),
    queryFn: () =>
      sdk.client.fetch<{ from: string; to: string; rows: ReportRow[] }>("/admin/affiliate-reports", {
        query: defined(query),
      }),
    enabled: options.enabled ?? true,
  })
}

/** Totals over a range (and the same-length period before it), for the program, a segment or one partner. */
export function useReportTotals(query: { from: string; to: string; affiliate_id?: string; is_internal?: boolean }) {
  return useQuery({
    queryKey: reportRowKeys.totals(query),
    queryFn: () =>
      sdk.client.fetch<{ summary: ReportSummary }>("/admin/affiliate-reports/summary", { query: defined(query) }),
  })
}

/** Partner names for the partner ids of a report. */
export function usePartnerNames(ids: string[]) {
  return useQuery({
    queryKey: reportRowKeys.names("affiliates", ids),
    queryFn: async () => {
      const { affiliates } = await sdk.client.fetch<{ affiliates: { id: string; name: string; is_internal?: boolean }[] }>(
        "/admin/affiliates",
        { query: { id: ids, limit: ids.length } }
      )
      return new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
    },
    enabled: ids.length > 0,
  })
}

/** The store's sales channels by id, to name the rows of the by-channel report. */
export function useSalesChannelNames() {
  return useQuery({
    queryKey: reportRowKeys.names("sales-channels", []),
    queryFn: async () => {
      const { sales_channels } = await sdk.client.fetch<{ sales_channels: { id: string; name: string }[] }>(
        "/admin/sales-channels",
        { query: { limit: 100, fields: "id,name" } }
      )
      return new Map(sales_channels.map((channel) => [channel.id, channel.name]))
    },
  })
}

/** A partner's codes and links by id, to name the rows of their by-code and by-link reports. */
export function usePartnerCodesAndLinks(affiliateId: string) {
  return useQuery({
    queryKey: reportRowKeys.names("codes-links", [affiliateId]),
    queryFn: async () => {
      const [{ referral_codes }, { referral_links }] = await Promise.all([
        sdk.client.fetch<{ referral_codes: { id: string; code: string }[] }>(`/admin/affiliates/${affiliateId}/codes`),
        sdk.client.fetch<{ referral_links: { id: string; name: string | null; path: string }[] }>(
          `/admin/affiliates/${affiliateId}/links`
        ),
      ])
      return {
        codes: new Map(referral_codes.map((code) => [code.id, code.code])),
        links: new Map(referral_links.map((link) => [link.id, link.name ? `${link.name} (${link.path})` : link.path])),
      }
    },
  })
}
