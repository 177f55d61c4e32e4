import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** Read-only: the shopper account an affiliate buys with (`customer_id`). */
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliate, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
