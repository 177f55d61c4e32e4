import { z } from "@medusajs/framework/zod"
import { REPORT_GROUPS } from "../../modules/affiliate/stats/reports"
import { websiteUrl } from "../admin/affiliates/validators"
import { ReportRange, ReportRowsQuery } from "../utils/reports"
import { text } from "../utils/validators"
import { payoutDetails } from "../utils/payout-details"

export const RegisterAffiliate = z
  .object({
    name: text(255).trim().min(1),
    company: text(255).trim().nullish(),
    website: websiteUrl().nullish(),
    phone: text(64).trim().nullish(),
  })
  .strict()
export type RegisterAffiliateType = z.infer<typeof RegisterAffiliate>

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
