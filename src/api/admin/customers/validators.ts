import { z } from "@medusajs/framework/zod"

/** `GET /admin/customers/:id/affiliate-binding` takes no query parameters. */
export const AdminGetCustomerBindingParams = z.object({}).strict()
