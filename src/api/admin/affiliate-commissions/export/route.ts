import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EXPORT_PAGE_SIZE, pagedRows } from "../../../../modules/affiliate/exports/export-pages"
import { LEDGER_HEADER, ledgerCsvRow } from "../../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { csvFileName, mapRows, streamCsv } from "../../../utils/csv"

/**
 * The ledger as CSV, with the filters of `GET /admin/affiliate-commissions`,
 * every matching line in (created_at, id) order, streamed.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const filters = req.filterableFields
  const lines = pagedRows((after) => service.listLedgerExportPage(filters, after, EXPORT_PAGE_SIZE))
  await streamCsv(res, {
    filename: csvFileName("affiliate-ledger", new Date()),
    header: LEDGER_HEADER,
    rows: mapRows(lines, ledgerCsvRow),
  })
}
