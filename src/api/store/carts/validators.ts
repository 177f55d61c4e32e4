import { z } from "@medusajs/framework/zod"
import { MAX_CODE_LENGTH } from "../../../modules/affiliate/utils/codes"
import { says, text } from "../../utils/validators"

/** A cart's referral: the code typed at checkout or the visit's click token, one of them. */
export const StoreApplyCartReferral = z
  .object({
    code: text(MAX_CODE_LENGTH).trim().min(1).optional(),
    token: z.string().min(1).max(512).regex(/^[A-Za-z0-9_.-]+$/, says("not a click token")).optional(),
  })
  .strict()
  .refine((body) => !!body.code !== !!body.token, {
    message: "Provide exactly one of code or token",
  })
export type StoreApplyCartReferralType = z.infer<typeof StoreApplyCartReferral>
