import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { AffiliateStatus } from "../../../modules/affiliate/types"

const rate = z.number().min(0).max(100)
const optionalText = (max: number) => z.string().trim().max(max).nullish()

const AffiliateProfile = {
  name: z.string().trim().min(1).max(255),
  email: z.string().trim().email(),
  company: optionalText(255),
  website: z.string().url().max(2048).nullish(),
  phone: optionalText(64),
  is_internal: z.boolean().optional(),
  commission_rate: rate.nullish(),
  customer_id: z.string().min(1).nullish(),
  parent_id: z.string().min(1).nullish(),
  // C7: the sales channels the affiliate may earn in; null or empty: all.
  sales_channel_ids: z.array(z.string().min(1)).max(100).nullish(),
  parent_commission_ends_at: z.coerce.date().nullish(),
  payout_method: optionalText(64),
  payout_details: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminCreateAffiliate = z
  .object({
    ...AffiliateProfile,
    // Admins create partners active or for review; other statuses are actions.
    status: z.enum([AffiliateStatus.PENDING, AffiliateStatus.ACTIVE]).optional(),
  })
  .strict()
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AdminUpdateAffiliate = z
  .object({
    name: AffiliateProfile.name.optional(),
    email: AffiliateProfile.email.optional(),
    company: AffiliateProfile.company,
    website: AffiliateProfile.website,
    phone: AffiliateProfile.phone,
    is_internal: AffiliateProfile.is_internal,
    commission_rate: AffiliateProfile.commission_rate,
    customer_id: AffiliateProfile.customer_id,
    parent_id: AffiliateProfile.parent_id,
    sales_channel_ids: AffiliateProfile.sales_channel_ids,
    parent_commission_ends_at: AffiliateProfile.parent_commission_ends_at,
    payout_method: AffiliateProfile.payout_method,
    payout_details: AffiliateProfile.payout_details,
    metadata: AffiliateProfile.metadata,
  })
  .strict()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

const statusFilter = z.union([
  z.nativeEnum(AffiliateStatus),
  z.array(z.nativeEnum(AffiliateStatus)),
])

export const AdminGetAffiliatesParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z
    .object({
      q: z.string().optional(),
      id: z.union([z.string(), z.array(z.string())]).optional(),
      status: statusFilter.optional(),
      email: z.string().optional(),
      parent_id: z.string().optional(),
      is_internal: z.preprocess(
        (value) => (value === "true" ? true : value === "false" ? false : value),
        z.boolean()
      ).optional(),
    })
    .strict()
)
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

export const AdminGetAffiliateParams = z.object({ fields: z.string().optional() }).strict()

export const AdminCreateReferralCode = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, {
      message: "code must be 3 to 32 letters, digits, - or _",
    }),
    aliases: z
      .array(z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, {
        message: "each alias must be 3 to 32 letters, digits, - or _",
      }))
      .max(20)
      .optional(),
    is_active: z.boolean().optional(),
    expires_at: z.coerce.date().nullish(),
    promotion_id: z.string().min(1).nullish(),
    sales_channel_ids: z.array(z.string().min(1)).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateReferralCodeType = z.infer<typeof AdminCreateReferralCode>

export const AdminGetReferralCodesParams = createFindParams({ limit: 50, offset: 0 })

export const AdminCreatePayout = z
  .object({
    currency_code: z.string().length(3).optional(),
    amount: z.number().positive().finite().optional(),
    allow_exceeding_balance: z.boolean().optional(),
    method: z.string().trim().min(1).max(64).optional(),
    external_reference: optionalText(255),
    note: optionalText(2000),
  })
  .strict()
export type AdminCreatePayoutType = z.infer<typeof AdminCreatePayout>

export const AdminGetBalancesParams = z
  .object({ currency_code: z.string().length(3).optional() })
  .strict()

export const AdminCreateAdjustment = z
  .object({
    type: z.enum(["adjustment", "bonus"]),
    amount: z.number().finite().refine((amount) => amount !== 0, { message: "amount must not be 0" }),
    currency_code: z.string().length(3),
    reason: z.string().trim().min(3).max(1000),
    status: z.enum(["approved", "pending"]).optional(),
    order_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((body) => body.type !== "bonus" || body.amount > 0, {
    message: "a bonus must be a positive amount",
    path: ["amount"],
  })
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>
