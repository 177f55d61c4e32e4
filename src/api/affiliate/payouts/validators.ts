import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { oneOrMany, PortalPaging } from "../../utils/portal"

const PayoutFilters = { status: oneOrMany(Object.values(PayoutStatus) as [string, ...string[]]).optional() }

export const AffiliateGetPayoutsParams = z.object({ ...PayoutFilters, ...PortalPaging }).strict()
export type AffiliateGetPayoutsParamsType = z.infer<typeof AffiliateGetPayoutsParams>

export const AffiliateExportPayoutsParams = z.object(PayoutFilters).strict()
export type AffiliateExportPayoutsParamsType = z.infer<typeof AffiliateExportPayoutsParams>

/** One payout takes no query. */
export const AffiliateGetPayoutParams = z.object({}).strict()
