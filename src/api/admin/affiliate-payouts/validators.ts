import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"

export const AdminGetPayoutsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z
    .object({
      affiliate_id: z.union([z.string(), z.array(z.string())]).optional(),
      currency_code: z.string().length(3).optional(),
      status: z.union([z.nativeEnum(PayoutStatus), z.array(z.nativeEnum(PayoutStatus))]).optional(),
      created_at: createOperatorMap().optional(),
    })
    .strict()
)
