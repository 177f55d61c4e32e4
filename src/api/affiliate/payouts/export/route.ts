import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EXPORT_PAGE_SIZE, pagedRows } from "../../../../modules/affiliate/exports/export-pages"
import { PARTNER_PAYOUT_HEADER, partnerPayoutCsvRow } from "../../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { csvFileName, mapRows, streamCsv } from "../../../utils/csv"
import { listOf, partnerOf } from "../../../utils/portal"
import type { AffiliateExportPayoutsParamsType } from "../validators"

/** The partner's payouts as CSV, oldest first, streamed like the admin's export. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateExportPayoutsParamsType>, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const { status } = req.validatedQuery as AffiliateExportPayoutsParamsType
  const filters = { status: listOf(status), affiliate_id: partnerOf(req) }
  const payouts = pagedRows((after) => service.listPayoutExportPage(filters, after, EXPORT_PAGE_SIZE))
  await streamCsv(res, {
    filename: csvFileName("affiliate-payouts", new Date()),
    header: PARTNER_PAYOUT_HEADER,
    rows: mapRows(payouts, partnerPayoutCsvRow),
  })
}
