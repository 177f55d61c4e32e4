import { MedusaError } from "@medusajs/framework/utils"

/** Why a known code can't credit anyone right now. */
export type CodeRefusal =
  | "inactive_code"
  | "expired_code"
  | "inactive_affiliate"
  | "sales_channel_not_allowed"

/** The message a shopper (or storefront) sees for a code that can't be used. */
export function describeCodeRefusal(code: string, refusal: CodeRefusal): string {
  switch (refusal) {
    case "inactive_code":
      return `Referral code ${code} is no longer active`
    case "expired_code":
      return `Referral code ${code} has expired`
    case "inactive_affiliate":
      return `Referral code ${code} belongs to an affiliate who is not active`
    case "sales_channel_not_allowed":
      return `Referral code ${code} is not valid in this store`
  }
}

/**
 * Whether a code or affiliate limited to some sales channels (C7) may credit
 * in this one. No list, or an empty one, means every channel; an unknown
 * channel is allowed, since there is nothing to compare.
 */
export function isSalesChannelAllowed(
  allowed: unknown,
  salesChannelId: string | null | undefined
): boolean {
  if (!salesChannelId || !Array.isArray(allowed) || !allowed.length) {
    return true
  }
  return allowed.includes(salesChannelId)
}

/** Why a click was not recorded: a refusal of a known code, or no such code. */
export type ClickRefusal = CodeRefusal | "unknown_code"

/**
 * The error a refused click throws: a Medusa error (404 for an unknown code,
 * 400 otherwise, with the shopper's message) that also names the refusal, so
 * a redirect can say why without echoing what the visitor typed.
 */
export function clickRefusedError(code: string, refusal: ClickRefusal): MedusaError & { refusal: ClickRefusal } {
  const error =
    refusal === "unknown_code"
      ? new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${code} was not found`)
      : new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCodeRefusal(code, refusal))
  return Object.assign(error, { refusal })
}
