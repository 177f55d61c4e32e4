import { z } from "@medusajs/framework/zod"

const tag = z.string().trim().min(1).max(255).nullish()

const LinkFields = {
  name: z.string().trim().min(1).max(255).nullish(),
  // Lands in a URL path segment: letters, digits, dash and underscore.
  sub_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "sub_id: use 1-64 letters, digits, - or _").nullish(),
  target_url: z
    .string()
    .max(2048)
    .refine((value) => value.startsWith("/") || /^https?:\/\//.test(value), "target_url: a path (/products/x) or an http(s) URL")
    .nullish(),
  utm_source: tag,
  utm_medium: tag,
  utm_campaign: tag,
  utm_term: tag,
  utm_content: tag,
  is_active: z.boolean().optional(),
}

export const CreateReferralLink = z.object({ ...LinkFields, code_id: z.string().min(1).optional() }).strict()
export type CreateReferralLinkType = z.infer<typeof CreateReferralLink>

export const UpdateReferralLink = z.object(LinkFields).strict()
export type UpdateReferralLinkType = z.infer<typeof UpdateReferralLink>

export const GetReferralLinksParams = z.object({}).strict()
