import { z } from "@medusajs/framework/zod"
import { says } from "../../utils/validators"

/** The dashboard's period: the last 7, 30, 90 or 365 days, today included. */
export const DASHBOARD_DAYS = ["7", "30", "90", "365"] as const

export const AffiliateGetDashboardParams = z
  .object({ days: z.enum(DASHBOARD_DAYS, says(`one of ${DASHBOARD_DAYS.join(", ")}`)).optional().default("30") })
  .strict()
export type AffiliateGetDashboardParamsType = z.infer<typeof AffiliateGetDashboardParams>
