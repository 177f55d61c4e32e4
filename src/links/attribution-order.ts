import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/**
 * Read-only: an attribution stores its `order_id`, so Query can go from an
 * attribution to its order without a link table.
 */
export default defineLink(
  { linkable: AffiliateModule.linkable.attribution, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
