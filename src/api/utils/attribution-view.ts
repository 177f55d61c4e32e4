import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** The affiliate fields the order and customer widgets show. */
export const AFFILIATE_SUMMARY_FIELDS = ["affiliate.id", "affiliate.name", "affiliate.email", "affiliate.status"]

export const ATTRIBUTION_FIELDS = [
  "id",
  "order_id",
  "customer_id",
  "source",
  "code",
  "link_id",
  "click_id",
  "sub_id",
  "rejection_reason",
  "referred_at",
  "ordered_at",
  "order_total",
  "currency_code",
  "created_at",
  ...AFFILIATE_SUMMARY_FIELDS,
]

export const ORDER_LINE_FIELDS = [
  "id",
  "type",
  "status",
  "level",
  "amount",
  "currency_code",
  "affiliate_id",
  "order_id",
  "rule",
  "rate",
  "base_amount",
  "source",
  "reverses_id",
  "reason",
  "status_reason",
  "hold_until",
  "created_at",
]

/** 404 unless Medusa has a record `id` of `entity` ("order", "customer"). */
export async function requireExists(container: MedusaContainer, entity: "order" | "customer", id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id } })
  if (!data.length) {
    const name = entity === "order" ? "Order" : "Customer"
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${name} with id: ${id} was not found`)
  }
}
