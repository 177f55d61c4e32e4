import { MiddlewareRoute } from "@medusajs/framework/http"

export const payoutWebhookMiddlewares: MiddlewareRoute[] = [
  {
    // Providers sign the bytes they sent: keep them for `parseWebhook`.
    method: ["POST"],
    matcher: "/hooks/affiliate-payouts/:provider_id",
    bodyParser: { preserveRawBody: true },
  },
]
