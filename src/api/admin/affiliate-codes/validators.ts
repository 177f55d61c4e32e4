import { z } from "@medusajs/framework/zod"

export const AdminUpdateReferralCode = z
  .object({
    is_active: z.boolean().optional(),
    expires_at: z.coerce.date().nullish(),
    promotion_id: z.string().min(1).nullish(),
    sales_channel_ids: z.array(z.string().min(1)).nullish(),
  })
  .strict()
export type AdminUpdateReferralCodeType = z.infer<typeof AdminUpdateReferralCode>
