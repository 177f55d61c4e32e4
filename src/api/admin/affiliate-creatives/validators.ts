import { z } from "@medusajs/framework/zod"
import { parseTargetUrl } from "../../../modules/affiliate/utils/target-url"
import { targetUrl } from "../affiliate-links/validators"
import { id, idFilter, isCleanText, listParams, MAX_LIST, queryBoolean, says, text } from "../../utils/validators"

/** Longest HTML snippet: partners paste it into their pages; it is never rendered by the admin. */
export const MAX_HTML_LENGTH = 10_000

const creativeType = z.enum(["banner", "text_link", "html"], says("one of banner, text_link, html"))

// The File Module's URL of an uploaded image: an absolute http(s) URL or a path on the backend.
const imageUrl = () =>
  z
    .string()
    .max(2048, says("at most 2048 characters"))
    .refine((value) => isCleanText(value) && parseTargetUrl(value) !== null, says("an http(s) URL or a path"))

const CreativeFields = {
  type: creativeType,
  name: text(255).trim().min(1, says("must not be empty")),
  product_id: id().nullish(),
  // The File Module's id as `POST /admin/uploads` returned it (a provider's key, e.g. `banner-1733.png`).
  image_file_id: text(1024).trim().min(1, says("must not be empty")).nullish(),
  image_url: imageUrl().nullish(),
  link_text: text(255).trim().min(1, says("must not be empty")).nullish(),
  html: text(MAX_HTML_LENGTH, { multiline: true }).trim().min(1, says("must not be empty")).nullish(),
  landing_url: targetUrl().nullish(),
  is_active: z.boolean().optional(),
}

type CreativeShape = { type?: string } & Record<string, unknown>

/** What a creative of its type lacks, each naming the field. */
export function creativeProblems(creative: CreativeShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (creative.type === "banner") {
    if (!creative.image_file_id) problems.push({ path: "image_file_id", message: "image_file_id is required for a banner (upload the image first)" })
    if (!creative.image_url) problems.push({ path: "image_url", message: "image_url is required for a banner" })
  }
  if (creative.type === "text_link" && !creative.link_text) {
    problems.push({ path: "link_text", message: "link_text is required for a text link" })
  }
  if (creative.type === "html" && !creative.html) {
    problems.push({ path: "html", message: "html is required for an HTML snippet" })
  }
  return problems
}

export const AdminCreateCreative = z
  .object(CreativeFields)
  .strict()
  .superRefine((creative, ctx) => {
    for (const { path, message } of creativeProblems(creative)) {
      ctx.addIssue({ code: "custom", path: [path], message })
    }
  })
export type AdminCreateCreativeType = z.infer<typeof AdminCreateCreative>

// The type says what a creative is; to change it, create another.
const { type: _type, ...UpdatableFields } = CreativeFields
export const AdminUpdateCreative = z.object(UpdatableFields).partial().strict()
export type AdminUpdateCreativeType = z.infer<typeof AdminUpdateCreative>

export const AdminGetCreativesParams = z
  .object({
    ...listParams({ limit: 20, orderable: ["created_at", "updated_at", "name", "type"] }),
    type: z.union([creativeType, z.array(creativeType).max(MAX_LIST)]).optional(),
    product_id: idFilter().optional(),
    is_active: queryBoolean().optional(),
    q: text(255).optional(),
  })
  .strict()
export type AdminGetCreativesParamsType = z.infer<typeof AdminGetCreativesParams>
