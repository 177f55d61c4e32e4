import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type AffiliateModuleService from "../../modules/affiliate/service"
import { currencyCode, day, isRealDate, queryInt } from "./validators"
import { ReportFilters, ReportGroup, ReportRow } from "../../modules/affiliate/stats/reports"

const DAY_MS = 86_400_000
const MAX_RANGE_DAYS = 3 * 366

/** The query every report route takes: a range of UTC days (default: the last 30), one currency. */
export const ReportRange = {
  from: day().optional(),
  to: day().optional(),
  currency_code: currencyCode().optional(),
}

export const ReportRowsQuery = {
  ...ReportRange,
  order_by: z.enum(["key", "clicks", "leads", "orders", "revenue", "commission"]).optional(),
  limit: queryInt(1, 1000).optional(),
}

/** Resolves the range, refusing an inverted or overlong one with the field named. */
export function reportRange(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? new Date().toISOString().slice(0, 10)
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10)
  // The validators refuse impossible days; `to` alone may still put a default `from` before 1970.
  for (const [field, value] of [["from", from], ["to", to]]) {
    if (!isRealDate(value)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${value} is not a real date between 1970-01-01 and 9999-12-31`)
    }
  }
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1
  if (days < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `from: ${from} is after to: ${to}`)
  }
  if (days > MAX_RANGE_DAYS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `from, to: a report covers at most ${MAX_RANGE_DAYS} days`)
  }
  return { from, to }
}

/**
 * Report rows, sorted and cut for "top" lists. Money sorts use the given
 * currency (or the first one a row has), since currencies don't add up.
 */
export async function reportRows(
  service: AffiliateModuleService,
  group: ReportGroup,
  filters: ReportFilters,
  { order_by = "key", limit }: { order_by?: string; limit?: number }
) {
  const top = order_by !== "key" && limit ? { order_by: order_by as any, limit } : undefined
  const rows = await service.report(group, { ...filters, top })
  const money = (row: ReportRow, field: "revenue" | "commission") => {
    const figures = filters.currency_code
      ? row.by_currency[filters.currency_code.toLowerCase()]
      : Object.values(row.by_currency)[0]
    return field === "revenue" ? figures?.revenue ?? 0 : figures?.commission.total ?? 0
  }
  if (order_by !== "key") {
    const value = (row: ReportRow) =>
      order_by === "revenue" || order_by === "commission" ? money(row, order_by) : (row as any)[order_by]
    rows.sort((a, b) => value(b) - value(a) || a.key.localeCompare(b.key))
  }
  return limit ? rows.slice(0, limit) : rows
}

/**
 * Totals for the range beside the same-length period just before it, with
 * the change of each count (H2): 0.25 is 25% up; null when the previous
 * period had none.
 */
export async function reportSummary(service: AffiliateModuleService, filters: ReportFilters) {
  const length = (Date.parse(filters.to) - Date.parse(filters.from)) / DAY_MS + 1
  const previousTo = new Date(Date.parse(filters.from) - DAY_MS).toISOString().slice(0, 10)
  const previousFrom = new Date(Date.parse(filters.from) - length * DAY_MS).toISOString().slice(0, 10)
  const current = await service.reportTotals(filters)
  const previous = await service.reportTotals({ ...filters, from: previousFrom, to: previousTo })
  const change = (now: number, before: number) => (before ? Math.round(((now - before) / before) * 10_000) / 10_000 : null)
  return {
    from: filters.from,
    to: filters.to,
    current,
    previous: { from: previousFrom, to: previousTo, ...previous },
    trend: {
      clicks: change(current.clicks, previous.clicks),
      unique_visitors: change(current.unique_visitors, previous.unique_visitors),
      leads: change(current.leads, previous.leads),
      orders: change(current.orders, previous.orders),
    },
  }
}
