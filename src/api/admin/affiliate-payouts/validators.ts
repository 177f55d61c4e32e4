import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { currencyCode, dateFilter, idFilter, listParams, MAX_LIST } from "../../utils/validators"

export const AdminGetPayoutsParams = z
  .object({
    ...listParams({ limit: 20, orderable: ["created_at", "paid_at", "amount", "status"] }),
    affiliate_id: idFilter().optional(),
    currency_code: currencyCode().optional(),
    status: z.union([z.nativeEnum(PayoutStatus), z.array(z.nativeEnum(PayoutStatus)).max(MAX_LIST)]).optional(),
    created_at: dateFilter().optional(),
  })
  .strict()
