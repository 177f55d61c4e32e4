import { z } from "@medusajs/framework/zod"
import { MAX_CODE_LENGTH } from "../../../modules/affiliate/utils/codes"

/** A cart's referral: the code typed at checkout or the visit's click token, one of them. */
export const StoreApplyCartReferral = z
  .object({
    code: z.string().trim().min(1).max(MAX_CODE_LENGTH).optional(),
    token: z.string().min(1).max(512).optional(),
  })
  .strict()
  .refine((body) => !!body.code !== !!body.token, {
    message: "Provide exactly one of code or token",
  })
export type StoreApplyCartReferralType = z.infer<typeof StoreApplyCartReferral>
