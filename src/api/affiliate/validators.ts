import { z } from "@medusajs/framework/zod"
import { REPORT_GROUPS } from "../../modules/affiliate/stats/reports"
import { ReportRange, ReportRowsQuery } from "../utils/reports"

export const RegisterAffiliate = z
  .object({
    name: z.string().trim().min(1).max(255),
    company: z.string().trim().max(255).nullish(),
    website: z.string().url().max(2048).nullish(),
    phone: z.string().trim().max(64).nullish(),
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
