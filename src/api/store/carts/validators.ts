import { z } from "@medusajs/framework/zod"

/** A cart's referral: the code typed at checkout or the visit's click token, one of them. */
export const StoreApplyCartReferral = z
  .object({
    code: z.string().trim().min(1).max(64).optional(),
    token: z.string().min(1).max(512).optional(),
  })
  .strict()
  .refine((body) => !!body.code !== !!body.token, {
    message: "Provide exactly one of code or token",
  })
export type StoreApplyCartReferralType = z.infer<typeof StoreApplyCartReferral>
