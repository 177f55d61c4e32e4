import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { PortalPaging } from "../../utils/portal"
import { MAX_LIST, says } from "../../utils/validators"

const STATUSES = Object.values(PayoutStatus) as [string, ...string[]]
const status = z.enum(STATUSES, says(`one of ${STATUSES.join(", ")}`))

const PayoutFilters = {
  status: z.union([status, z.array(status).max(MAX_LIST, says(`at most ${MAX_LIST} values`))], says(`one of ${STATUSES.join(", ")}`)).optional(),
}

export const AffiliateGetPayoutsParams = z.object({ ...PayoutFilters, ...PortalPaging }).strict()
export type AffiliateGetPayoutsParamsType = z.infer<typeof AffiliateGetPayoutsParams>

export const AffiliateExportPayoutsParams = z.object(PayoutFilters).strict()
export type AffiliateExportPayoutsParamsType = z.infer<typeof AffiliateExportPayoutsParams>

/** One payout takes no query. */
export const AffiliateGetPayoutParams = z.object({}).strict()

export const statusList = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat())
