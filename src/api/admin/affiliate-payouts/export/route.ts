import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EXPORT_PAGE_SIZE, pagedRows } from "../../../../modules/affiliate/exports/export-pages"
import { PAYOUT_LAYOUTS, PAYOUT_ROW } from "../../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { csvFileName, mapRows, streamCsv } from "../../../utils/csv"
import { AdminExportPayoutsParamsType } from "../validators"

/**
 * The payouts matching the list's filters as a payment file: `format=paypal`
 * (PayPal's Payouts Web upload) or `format=bank` (a generic bank-transfer
 * sheet). A payout is never left out quietly: if any partner among them has
 * no payout details of the layout's kind, the answer is 409 with their ids
 * (at most 100, and how many there are), and no file.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportPayoutsParamsType>, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const { format, ...filters } = req.filterableFields as AdminExportPayoutsParamsType
  const layout = PAYOUT_LAYOUTS[format]
  const missing = await service.listAffiliatesWithoutPayoutDetails(filters, layout.method)
  if (missing.count > 0) {
    res.status(409).json({
      type: "missing_payout_details",
      message: `${missing.count} partner(s) among these payouts have no ${layout.method} payout details; set them (POST /admin/affiliates/:id/payout-details) or leave their payouts out with the filters`,
      affiliate_ids: missing.affiliate_ids,
      count: missing.count,
    })
    return
  }
  const payouts = pagedRows((after) => service.listPayoutExportPage(filters, after, EXPORT_PAGE_SIZE))
  await streamCsv(res, {
    filename: csvFileName(`affiliate-payouts-${format}`, new Date()),
    header: layout.header,
    rows: mapRows(payouts, PAYOUT_ROW[format]),
  })
}
