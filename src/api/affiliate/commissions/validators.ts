import { z } from "@medusajs/framework/zod"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"
import type { PortalLineFilters } from "../../../types/portal"
import { listOf, oneOrMany, PortalPaging } from "../../utils/portal"
import { currencyCode, day } from "../../utils/validators"

const DAY_MS = 86_400_000

const STATUSES = Object.values(CommissionStatus) as [string, ...string[]]
const TYPES = Object.values(CommissionType) as [string, ...string[]]

/** The partner's ledger filters: status, type, currency and a range of UTC days (both inclusive). */
const LineFilters = {
  status: oneOrMany(STATUSES).optional(),
  type: oneOrMany(TYPES).optional(),
  currency_code: currencyCode().optional(),
  from: day().optional(),
  to: day().optional(),
}

const rangeInOrder = (query: { from?: string; to?: string }) => !query.from || !query.to || query.from <= query.to
const RANGE_ERROR = { path: ["from"], message: "from: must not be after to" }

export const AffiliateGetCommissionsParams = z
  .object({ ...LineFilters, ...PortalPaging })
  .strict()
  .refine(rangeInOrder, RANGE_ERROR)
export type AffiliateGetCommissionsParamsType = z.infer<typeof AffiliateGetCommissionsParams>

/** `GET /affiliate/commissions/export`: the list's filters, every matching line. */
export const AffiliateExportCommissionsParams = z.object(LineFilters).strict().refine(rangeInOrder, RANGE_ERROR)
export type AffiliateExportCommissionsParamsType = z.infer<typeof AffiliateExportCommissionsParams>

/** The validated query as the module's filters: `to` is a whole day, so the range ends the next midnight. */
export function lineFilters(query: AffiliateExportCommissionsParamsType): PortalLineFilters {
  return {
    status: listOf(query.status),
    type: listOf(query.type),
    currency_code: query.currency_code?.toLowerCase(),
    created_from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    created_to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : undefined,
  }
}
