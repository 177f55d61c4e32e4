import { z } from "@medusajs/framework/zod"

/** `GET /admin/orders/:id/affiliate-attribution` takes no query parameters. */
export const AdminGetOrderAttributionParams = z.object({}).strict()
