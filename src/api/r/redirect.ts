import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ClickRefusal } from "../../modules/affiliate/utils/code-refusal"
import { isPlausibleCode } from "../../modules/affiliate/utils/codes"
import { affiliateService } from "../../workflows/affiliate-service"
import { storeSalesChannelId } from "./store-sales-channel"

/** The query parameter a redirect adds with the attribution token. */
export const TOKEN_PARAM = "affiliate_token"

const UTM_TAGS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const

/**
 * How long a redirect waits for the click to be recorded before it sends the
 * visitor on without attribution (the database is down or swamped): a visitor
 * is never kept waiting on the plugin.
 */
export const REDIRECT_LOOKUP_TIMEOUT_MS = 750

/**
 * Why a redirect carries no attribution, in `x-affiliate-refusal`: one of a
 * fixed set of words, never the visitor's input (a header can't hold every
 * character a URL can).
 */
export type RedirectRefusal = ClickRefusal | "invalid_code" | "unavailable"

const TIMED_OUT = Symbol("timed out")

/**
 * `/r/CODE[/SUBID]` (C1, C8): records the click and sends the visitor on with
 * `?ref=CODE&affiliate_token=...`, the link's UTM tags (the shared URL's own
 * win) and every other parameter the link was shared with. A visitor is
 * never shown an error: an unknown, inactive or overlong code, a database
 * that fails or doesn't answer within `REDIRECT_LOOKUP_TIMEOUT_MS`, still
 * land on the store, just without attribution (the reason in
 * `x-affiliate-refusal`).
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
  let refusal: RedirectRefusal | null = null
  if (!isPlausibleCode(code)) {
    refusal = "invalid_code"
  } else {
    const recording = (async () =>
      service.recordClick({
        code,
        sub_id: subId,
        sales_channel_id: await storeSalesChannelId(req.scope, options.store_sales_channel_id),
        landing_url: null,
        referrer: req.get("referer") ?? null,
        ...Object.fromEntries(UTM_TAGS.map((tag) => [tag, tagOf(tag)])),
        ip: req.ip,
        user_agent: req.get("user-agent"),
      }))()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), REDIRECT_LOOKUP_TIMEOUT_MS)
    })
    try {
      const click = await Promise.race([recording, timeout])
      if (click === TIMED_OUT) {
        refusal = "unavailable"
        // Still running: its outcome (a click recorded late, or an error) is only logged.
        recording.catch((error) => logFailure(req, error))
      } else {
        target = new URL(click.link?.target_url ?? "/", options.store_url)
        for (const tag of UTM_TAGS) {
          const value = click.link?.[tag]
          if (value && query[tag] === undefined) target.searchParams.set(tag, value)
        }
        target.searchParams.set(options.referral_param, click.code)
        if (click.token) target.searchParams.set(TOKEN_PARAM, click.token)
      }
    } catch (error) {
      const reason = (error as { refusal?: ClickRefusal }).refusal
      if (error instanceof MedusaError && reason) {
        refusal = reason
      } else {
        refusal = "unavailable"
        logFailure(req, error)
      }
    } finally {
      clearTimeout(timer)
    }
  }
  if (refusal) {
    res.setHeader("x-affiliate-refusal", refusal)
  }
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === "string") target.searchParams.set(name, value)
  }
  res.setHeader("cache-control", "no-store")
  res.redirect(302, target.toString())
}

function logFailure(req: MedusaRequest, error: unknown) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  logger.warn(`Affiliate redirect sent a visitor on without attribution: ${(error as Error)?.message ?? error}`)
}
