import { z } from "@medusajs/framework/zod"
import { dateTime, id, idList } from "../../utils/validators"

export const AdminUpdateReferralCode = z
  .object({
    is_active: z.boolean().optional(),
    expires_at: dateTime().nullish(),
    promotion_id: id().nullish(),
    sales_channel_ids: idList().nullish(),
  })
  .strict()
export type AdminUpdateReferralCodeType = z.infer<typeof AdminUpdateReferralCode>
