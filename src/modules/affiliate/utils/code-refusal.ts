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
