import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../workflows/affiliate-service"
import { storeSalesChannelId } from "./store-sales-channel"

/** The query parameter a redirect adds with the attribution token. */
export const TOKEN_PARAM = "affiliate_token"

const UTM_TAGS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const

/**
 * `/r/CODE[/SUBID]` (C1, C8): records the click and sends the visitor on with
 * `?ref=CODE&affiliate_token=...`, the link's UTM tags (the shared URL's own
 * win) and every other parameter the link was shared with. A visitor is
 * never shown an error: an unknown or inactive code still lands on the store,
 * just without attribution (the reason is in `x-affiliate-refusal`).
 */
export async function redirectToStore(req: MedusaRequest, res: MedusaResponse, subId: string | null) {
  const service = affiliateService(req.scope)
  const options = service.getOptions()
  // Not validated by middleware: a visitor is never refused. Tags that are not
  // plain strings are passed on but not recorded.
  const query = req.query as Record<string, unknown>
  const tagOf = (tag: string) => {
    const value = query[tag]
    return typeof value === "string" && value ? value.slice(0, 255) : null
  }
  const code = String(req.params.code ?? "")

  let target = new URL(options.store_url)
  try {
    const click = await service.recordClick({
      code,
      sub_id: subId,
      sales_channel_id: await storeSalesChannelId(req.scope, options.store_sales_channel_id),
      landing_url: null,
      referrer: req.get("referer") ?? null,
      ...Object.fromEntries(UTM_TAGS.map((tag) => [tag, tagOf(tag)])),
      ip: req.ip,
      user_agent: req.get("user-agent"),
    })
    target = new URL(click.link?.target_url ?? "/", options.store_url)
    for (const tag of UTM_TAGS) {
      const value = click.link?.[tag]
      if (value && query[tag] === undefined) target.searchParams.set(tag, value)
    }
    target.searchParams.set(options.referral_param, click.code)
    if (click.token) target.searchParams.set(TOKEN_PARAM, click.token)
  } catch (error) {
    if (!(error instanceof MedusaError)) throw error
    res.setHeader("x-affiliate-refusal", error.message)
  }
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === "string") target.searchParams.set(name, value)
  }
  res.setHeader("cache-control", "no-store")
  res.redirect(302, target.toString())
}
