import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/** Read-only: a ledger line's order, through the `order_id` it stores. */
export default defineLink(
  { linkable: AffiliateModule.linkable.commissionLine, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
