import { z } from "@medusajs/framework/zod"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import {
  amount,
  checkPrecision,
  currencyCode,
  dateTime,
  id,
  idFilter,
  idList,
  jsonObject,
  listParams,
  MAX_LIST,
  queryBoolean,
  says,
  text,
} from "../../utils/validators"
import { payoutDetails } from "../../utils/payout-details"

const rate = z.number().min(0).max(100)
const optionalText = (max: number, multiline = false) => text(max, { multiline }).trim().nullish()
/** A website: an http(s) URL. */
export const websiteUrl = () => text(2048).pipe(z.url({ protocol: /^https?$/, ...says("an http(s) URL") }))

const AffiliateProfile = {
  name: text(255).trim().min(1),
  email: z.string().max(254, says("at most 254 characters")).trim().pipe(z.email(says("not an email address"))),
  company: optionalText(255),
  website: websiteUrl().nullish(),
  phone: optionalText(64),
  is_internal: z.boolean().optional(),
  commission_rate: rate.nullish(),
  customer_id: id().nullish(),
  parent_id: id().nullish(),
  // C7: the sales channels the affiliate may earn in; null or empty: all.
  sales_channel_ids: idList().nullish(),
  parent_commission_ends_at: dateTime().nullish(),
  metadata: jsonObject().nullish(),
}

/** A code or alias as shoppers type it. */
const codeText = (what: string) =>
  z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, { message: `${what} must be 3 to 32 letters, digits, - or _` })

export const AdminCreateAffiliate = z
  .object({
    ...AffiliateProfile,
    // Admins create partners active or for review; other statuses are actions.
    status: z.enum([AffiliateStatus.PENDING, AffiliateStatus.ACTIVE]).optional(),
    /** The partner's first referral code, created with it (or neither is). */
    code: codeText("code").optional(),
    /** The partner's payout details (B6), saved with it and audited masked. */
    payout_details: payoutDetails().optional(),
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
    metadata: AffiliateProfile.metadata,
  })
  .strict()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

const statusFilter = z.union([
  z.nativeEnum(AffiliateStatus),
  z.array(z.nativeEnum(AffiliateStatus)).max(MAX_LIST),
])

// Payout details are set through their own route, validated per method and
// audited: `POST /admin/affiliates/:id/payout-details`, not with the profile.
export const AdminSetPayoutDetails = payoutDetails()
export type AdminSetPayoutDetailsType = z.infer<typeof AdminSetPayoutDetails>

const MONEY_SORTS: readonly string[] = ["revenue", "earnings", "balance_due"]

/**
 * The partner list's query. `order` may also be `revenue`, `earnings` or
 * `balance_due` (with `-` for descending), in the one currency `currency_code`
 * names: those sorts leave Medusa's list config as `money_order`. With a
 * `currency_code`, each partner carries its `totals` in that currency.
 */
export const AdminGetAffiliatesParams = z
  .object({
    ...listParams({
      limit: 20,
      orderable: ["created_at", "updated_at", "name", "email", "status", "approved_at", ...MONEY_SORTS],
    }),
    q: text(255).optional(),
    id: idFilter().optional(),
    status: statusFilter.optional(),
    email: text(254).optional(),
    parent_id: id().optional(),
    is_internal: queryBoolean().optional(),
    currency_code: currencyCode()
      .transform((value) => value.toLowerCase())
      .optional(),
  })
  .strict()
  .superRefine((params, ctx) => {
    if (params.order && MONEY_SORTS.includes(params.order.replace(/^-/, "")) && !params.currency_code) {
      ctx.addIssue({
        code: "custom",
        path: ["currency_code"],
        message: `currency_code: required to sort by ${params.order.replace(/^-/, "")} (amounts in different currencies are not added)`,
      })
    }
  })
  .transform(({ order, ...params }) =>
    order && MONEY_SORTS.includes(order.replace(/^-/, "")) ? { ...params, money_order: order } : { ...params, order }
  )
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

/** A status action's body: why (optional), kept in the audit log. No body at all is the same as `{}`. */
export const AdminSetAffiliateStatus = z.preprocess(
  (body) => body ?? {},
  z.object({ reason: text(1000, { multiline: true }).trim().min(1, says("must not be empty")).optional() }).strict()
)
export type AdminSetAffiliateStatusType = z.infer<typeof AdminSetAffiliateStatus>

export const AdminGetAffiliateParams = z.object({ fields: text(2000).optional() }).strict()

export const AdminCreateReferralCode = z
  .object({
    code: codeText("code"),
    aliases: z
      .array(z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, {
        message: "each alias must be 3 to 32 letters, digits, - or _",
      }))
      .max(20)
      .optional(),
    is_active: z.boolean().optional(),
    expires_at: dateTime().nullish(),
    promotion_id: id().nullish(),
    sales_channel_ids: idList().nullish(),
    metadata: jsonObject().nullish(),
  })
  .strict()
export type AdminCreateReferralCodeType = z.infer<typeof AdminCreateReferralCode>

export const AdminGetReferralCodesParams = z
  .object(listParams({ limit: 50, orderable: ["created_at", "code", "expires_at"] }))
  .strict()

export const AdminCreatePayout = z
  .object({
    currency_code: currencyCode().optional(),
    amount: amount().refine((value) => value > 0, says("must be positive")).optional(),
    allow_exceeding_balance: z.boolean().optional(),
    method: text(64).trim().min(1).optional(),
    /** A registered payout provider (F6); "manual" records a payment made elsewhere. */
    provider_id: id().optional(),
    external_reference: optionalText(255),
    note: optionalText(2000, true),
  })
  .strict()
  .superRefine((body, ctx) => checkPrecision(ctx, body.amount, body.currency_code, ["amount"]))
export type AdminCreatePayoutType = z.infer<typeof AdminCreatePayout>

export const AdminGetBalancesParams = z
  .object({ currency_code: currencyCode().optional() })
  .strict()

export const AdminCreateAdjustment = z
  .object({
    type: z.enum(["adjustment", "bonus"]),
    amount: amount().refine((value) => value !== 0, { message: "amount must not be 0" }),
    currency_code: currencyCode(),
    reason: text(1000, { multiline: true }).trim().min(3),
    status: z.enum(["approved", "pending"]).optional(),
    order_id: id().optional(),
  })
  .strict()
  .refine((body) => body.type !== "bonus" || body.amount > 0, {
    message: "a bonus must be a positive amount",
    path: ["amount"],
  })
  .superRefine((body, ctx) => checkPrecision(ctx, body.amount, body.currency_code, ["amount"]))
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>

/** `POST /admin/affiliates/:id/invite` takes no body. */
export const AdminInviteAffiliate = z.object({}).strict()
