import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { StoreApplyCartReferral } from "./validators"

// Optional customer auth: a guest cart needs none, a registered customer's
// cart may only be changed by that customer.
const optionalCustomer = authenticate("customer", ["session", "bearer"], {
  allowUnauthenticated: true,
})

export const storeCartReferralMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "DELETE"],
    matcher: "/store/carts/:id/referral",
    middlewares: [optionalCustomer],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/referral",
    middlewares: [optionalCustomer, validateAndTransformBody(StoreApplyCartReferral)],
  },
]
