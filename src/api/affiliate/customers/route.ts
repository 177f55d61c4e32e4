import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerCommissionStatus, maskEmail } from "../../../modules/affiliate/portal/anonymize"
import { affiliateService } from "../../../workflows/affiliate-service"
import { money, partnerOf } from "../../utils/portal"
import type { AffiliateGetCustomersParamsType } from "./validators"

/**
 * The partner's referred orders, anonymized (H5): a masked email, the
 * shipping country, the date, the order's value and the partner's
 * commission and its status. Never a name, a full email, an address, a
 * customer id or an order id: the order is looked up here and left behind.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetCustomersParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AffiliateGetCustomersParamsType
  const { rows, count } = await affiliateService(req.scope).listPartnerCustomers(partnerOf(req), { limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = rows.length
    ? await query.graph({
        entity: "order",
        fields: ["id", "email", "shipping_address.country_code", "billing_address.country_code"],
        filters: { id: rows.map((row) => row.order_id) },
      })
    : { data: [] as any[] }
  const orderOf = new Map<string, any>(orders.map((order: any) => [order.id, order] as [string, any]))
  res.json({
    customers: rows.map((row) => {
      const order: any = orderOf.get(row.order_id)
      return {
        id: row.id,
        email: maskEmail(order?.email),
        country_code: order?.shipping_address?.country_code ?? order?.billing_address?.country_code ?? null,
        ordered_at: row.ordered_at,
        order_total: money(row.order_total),
        currency_code: row.currency_code,
        commission: money(row.commission),
        status: customerCommissionStatus(row),
      }
    }),
    count,
    offset,
    limit,
  })
}
