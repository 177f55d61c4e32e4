/**
 * The partner page's own commission rules (rate overrides), owned by the
 * Rules screen. Empty until that screen lands.
 */
export const AffiliateRulesSection = (_props: { affiliateId: string }) => null
