import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema)])

export const AdminGetCommissionLinesParams = createFindParams({
  limit: 50,
  offset: 0,
}).merge(
  z
    .object({
      id: oneOrMany(z.string()).optional(),
      affiliate_id: oneOrMany(z.string()).optional(),
      order_id: oneOrMany(z.string()).optional(),
      payout_id: oneOrMany(z.string()).optional(),
      status: oneOrMany(z.nativeEnum(CommissionStatus)).optional(),
      type: oneOrMany(z.nativeEnum(CommissionType)).optional(),
      currency_code: z.string().length(3).optional(),
      created_at: createOperatorMap().optional(),
    })
    .strict()
)

export const AdminChangeCommissionLinesStatus = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(500),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
export type AdminChangeCommissionLinesStatusType = z.infer<typeof AdminChangeCommissionLinesStatus>
