import { z } from "@medusajs/framework/zod"
import { REPORT_GROUPS } from "../../modules/affiliate/stats/reports"
import { PartnerProfile } from "../affiliate-account/validators"
import { ReportRange, ReportRowsQuery } from "../utils/reports"
import { says, text } from "../utils/validators"
import { payoutDetails } from "../utils/payout-details"

/** The partner's own profile changes (`POST /affiliate/me`); email and status are not theirs to change. */
export const UpdateOwnProfile = z
  .object({
    name: text(255).trim().min(1, says("required")).optional(),
    ...PartnerProfile,
  })
  .strict()
export type UpdateOwnProfileType = z.infer<typeof UpdateOwnProfile>

/** Accepting the terms in force (`POST /affiliate/me/terms`). */
export const AcceptOwnTerms = z.object({ version: z.number().int().min(1).max(1_000_000) }).strict()
export type AcceptOwnTermsType = z.infer<typeof AcceptOwnTerms>

// An affiliate's own reports: no affiliate_id to choose, and no grouping by affiliate.
export const AffiliateGetReportParams = z
  .object({
    ...ReportRowsQuery,
    group_by: z.enum(REPORT_GROUPS.filter((group) => group !== "affiliate") as ["day", ...string[]]).default("day"),
  })
  .strict()
export type AffiliateGetReportParamsType = z.infer<typeof AffiliateGetReportParams>

export const AffiliateGetReportSummaryParams = z.object(ReportRange).strict()
export type AffiliateGetReportSummaryParamsType = z.infer<typeof AffiliateGetReportSummaryParams>

export const AffiliateGetParams = z.object({}).strict()

/** The partner's own payout details: the same rules as the admin's. */
export const SetOwnPayoutDetails = payoutDetails()
export type SetOwnPayoutDetailsType = z.infer<typeof SetOwnPayoutDetails>
