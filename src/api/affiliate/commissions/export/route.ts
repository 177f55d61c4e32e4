import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EXPORT_PAGE_SIZE, pagedRows } from "../../../../modules/affiliate/exports/export-pages"
import { PARTNER_LEDGER_HEADER, partnerLedgerCsvRow } from "../../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { csvFileName, mapRows, streamCsv } from "../../../utils/csv"
import { partnerOf } from "../../../utils/portal"
import { type AffiliateExportCommissionsParamsType, lineFilters } from "../validators"

/**
 * The partner's ledger as CSV, with the list's filters, streamed page by page
 * like the admin's export; the partner comes from the session, set last.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateExportCommissionsParamsType>, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const { status, type, currency_code, created_from, created_to } = lineFilters(
    req.validatedQuery as AffiliateExportCommissionsParamsType
  )
  // The export applies each key as a column filter: only the bounds given.
  const created_at = {
    ...(created_from ? { $gte: created_from } : {}),
    ...(created_to ? { $lt: created_to } : {}),
  }
  const filters = {
    status,
    type,
    currency_code,
    created_at: Object.keys(created_at).length ? created_at : undefined,
    affiliate_id: partnerOf(req),
  }
  const lines = pagedRows((after) => service.listLedgerExportPage(filters, after, EXPORT_PAGE_SIZE))
  await streamCsv(res, {
    filename: csvFileName("affiliate-earnings", new Date()),
    header: PARTNER_LEDGER_HEADER,
    rows: mapRows(lines, partnerLedgerCsvRow),
  })
}
