import { z } from "@medusajs/framework/zod"
import { MAX_CODE_LENGTH } from "../../../modules/affiliate/utils/codes"
import { text } from "../../utils/validators"
import { StoreApplyCartReferral } from "../carts/validators"

const optionalText = (max: number) => text(max).nullish()

export const StoreCreateReferralClick = z
  .object({
    code: text(MAX_CODE_LENGTH).trim().min(1),
    landing_url: optionalText(2048),
    referrer: optionalText(2048),
    utm_source: optionalText(255),
    utm_medium: optionalText(255),
    utm_campaign: optionalText(255),
    utm_term: optionalText(255),
    utm_content: optionalText(255),
    sub_id: optionalText(128),
  })
  .strict()
export type StoreCreateReferralClickType = z.infer<typeof StoreCreateReferralClick>

export const StoreGetReferralCodeParams = z.object({}).strict()

/** A sign-up under attribution: the same body as a cart's referral (code or click token). */
export const StoreCreateReferralLead = StoreApplyCartReferral
export type StoreCreateReferralLeadType = z.infer<typeof StoreCreateReferralLead>
