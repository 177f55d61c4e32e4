/** Partner accounts (issue 12): what the module's account methods take and give. */
export type { AccountTokenKind } from "../modules/affiliate/accounts/lifetimes"
export type {
  AccountAffiliate,
  IssuedAccountLink,
  TermsAcceptance,
  UsedAccountLink,
} from "../modules/affiliate/accounts/account-changes"
export type { TermsVersion } from "../modules/affiliate/accounts/terms"
export type { PartnerAlert } from "../modules/affiliate/accounts/alerts"

/** An invitation as its link's page shows it, before it is accepted. */
export type InvitationPreview = { email: string; name: string; expires_at: Date }
