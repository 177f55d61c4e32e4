import type { MedusaContainer } from "@medusajs/framework/types"
import type { AuditEntryFilters } from "../../../types"
import { affiliateService } from "../../../workflows/affiliate-service"
import type { AdminGetAuditEntriesParamsType } from "./validators"

type DateRange = NonNullable<AuditEntryFilters["created_at"]>

/** The shared date filter (`created_at=…` or `created_at[$gte]=…`) as the log's range. */
function dateRange(filter: AdminGetAuditEntriesParamsType["created_at"]): DateRange | undefined {
  if (!filter) return undefined
  if (filter instanceof Date) return { gte: filter, lte: filter }
  return {
    gte: filter.$gte ?? filter.$eq,
    lte: filter.$lte ?? filter.$eq,
    gt: filter.$gt,
    lt: filter.$lt,
  }
}

/** `{ audit_entries, count, offset, limit }`, newest first. */
export async function auditLogResponse(container: MedusaContainer, params: AdminGetAuditEntriesParamsType) {
  const { limit, offset, created_at, ...filters } = params
  const { entries, count } = await affiliateService(container).listAuditEntries(
    { ...filters, created_at: dateRange(created_at) },
    { limit, offset }
  )
  return { audit_entries: entries, count, offset, limit }
}
