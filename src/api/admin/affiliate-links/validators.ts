import { z } from "@medusajs/framework/zod"
import { parseTargetUrl } from "../../../modules/affiliate/utils/target-url"
import { id, isCleanText, says, text } from "../../utils/validators"

const tag = text(255).trim().min(1).nullish()

/**
 * A link's target: a path on the store ("/products/shirt") or an absolute
 * http(s) URL, parsed here once. Whether an absolute URL is on the store's
 * origin is checked against `store_url` when the link is saved.
 */
export const targetUrl = () =>
  z
    .string()
    .max(2048, says("at most 2048 characters"))
    .refine((value) => isCleanText(value) && parseTargetUrl(value) !== null, says("a path (/products/x) or an http(s) URL"))

const LinkFields = {
  name: text(255).trim().min(1).nullish(),
  // Lands in a URL path segment: letters, digits, dash and underscore.
  sub_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "sub_id: use 1-64 letters, digits, - or _").nullish(),
  target_url: targetUrl().nullish(),
  utm_source: tag,
  utm_medium: tag,
  utm_campaign: tag,
  utm_term: tag,
  utm_content: tag,
  is_active: z.boolean().optional(),
}

export const CreateReferralLink = z.object({ ...LinkFields, code_id: id().optional() }).strict()
export type CreateReferralLinkType = z.infer<typeof CreateReferralLink>

export const UpdateReferralLink = z.object(LinkFields).strict()
export type UpdateReferralLinkType = z.infer<typeof UpdateReferralLink>

export const GetReferralLinksParams = z.object({}).strict()
