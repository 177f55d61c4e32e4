import { z } from "@medusajs/framework/zod"
import { REPORT_GROUPS } from "../../../modules/affiliate/stats/reports"
import { ReportRange, ReportRowsQuery } from "../../utils/reports"
import { id, queryBoolean } from "../../utils/validators"

export const AdminGetReportParams = z
  .object({
    ...ReportRowsQuery,
    group_by: z.enum(REPORT_GROUPS).default("day"),
    affiliate_id: id().optional(),
    /** B4: only the internal channels (true) or only the external partners (false). */
    is_internal: queryBoolean().optional(),
  })
  .strict()
export type AdminGetReportParamsType = z.infer<typeof AdminGetReportParams>

export const AdminGetReportSummaryParams = z
  .object({ ...ReportRange, affiliate_id: id().optional(), is_internal: queryBoolean().optional() })
  .strict()
export type AdminGetReportSummaryParamsType = z.infer<typeof AdminGetReportSummaryParams>
