export const affiliateFields = [
  "id",
  "name",
  "email",
  "company",
  "website",
  "phone",
  "status",
  "is_internal",
  "commission_rate",
  "customer_id",
  "parent_id",
  "sales_channel_ids",
  "parent_commission_ends_at",
  "payout_method",
  "payout_details",
  "payout_details_updated_at",
  "approved_at",
  // Partner accounts (issue 12).
  "email_verified_at",
  "audience",
  "application",
  "terms_version",
  "terms_accepted_at",
  "locale",
  "invited_at",
  "metadata",
  "created_at",
  "updated_at",
]

const retrieveAffiliateFields = [
  ...affiliateFields,
  "codes.id",
  "codes.code",
  "codes.is_active",
  "codes.expires_at",
  "codes.alias_of_id",
]

// `fields` may only name these (a 400 for anything else, never a failed query).
export const retrieveAffiliateQueryConfig = {
  defaults: retrieveAffiliateFields,
  allowed: retrieveAffiliateFields,
  isList: false,
}

export const listAffiliatesQueryConfig = {
  defaults: affiliateFields,
  allowed: affiliateFields,
  defaultLimit: 20,
  isList: true,
}

export const referralCodeFields = [
  "id",
  "code",
  "alias_of_id",
  "is_active",
  "expires_at",
  "promotion_id",
  "sales_channel_ids",
  "affiliate_id",
  "metadata",
  "created_at",
]

export const listReferralCodesQueryConfig = {
  defaults: referralCodeFields,
  allowed: referralCodeFields,
  defaultLimit: 50,
  isList: true,
}
