import { model } from "@medusajs/framework/utils"
import { AffiliateStatus } from "../types"
import { Attribution } from "./attribution"
import { CommissionLine } from "./commission-line"
import { Payout } from "./payout"
import { ReferralCode } from "./referral-code"

/**
 * A partner of the program: an affiliate, reseller, influencer or one of the
 * store's own marketing channels (`is_internal`).
 */
export const Affiliate = model
  .define({ name: "Affiliate", tableName: "affiliate" }, {
    id: model.id({ prefix: "aff" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    company: model.text().nullable(),
    website: model.text().nullable(),
    phone: model.text().nullable(),
    status: model.enum(AffiliateStatus).default(AffiliateStatus.PENDING),
    is_internal: model.boolean().default(false),
    // The affiliate's own percentage rate; null means the program default.
    commission_rate: model.bigNumber().nullable(),
    // The shopper account the partner buys with, for the self-referral check.
    customer_id: model.text().nullable(),
    // Sales channels the affiliate may earn in (C7); null: every channel.
    sales_channel_ids: model.json().nullable(),
    parent_id: model.text().nullable(),
    parent_commission_ends_at: model.dateTime().nullable(),
    payout_method: model.text().nullable(),
    payout_details: model.json().nullable(),
    // When the partner or an admin last replaced the payout details (B6).
    payout_details_updated_at: model.dateTime().nullable(),
    approved_at: model.dateTime().nullable(),
    // Partner accounts (issue 12): see `accounts/`.
    email_verified_at: model.dateTime().nullable(),
    // Where the partner promotes (their own words on the application).
    audience: model.text().nullable(),
    // Answers to the admin's application questions: `{ fields: { [key]: string | boolean } }`.
    application: model.json().nullable(),
    // The terms version the partner last accepted, and when.
    terms_version: model.number().nullable(),
    terms_accepted_at: model.dateTime().nullable(),
    // The partner's language for emails and the portal (`en`, `ru`…).
    locale: model.text().nullable(),
    invited_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    codes: model.hasMany(() => ReferralCode, { mappedBy: "affiliate" }),
    attributions: model.hasMany(() => Attribution, { mappedBy: "affiliate" }),
    commission_lines: model.hasMany(() => CommissionLine, {
      mappedBy: "affiliate",
    }),
    payouts: model.hasMany(() => Payout, { mappedBy: "affiliate" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_email_unique",
      on: ["email"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_affiliate_status", on: ["status"], where: "deleted_at IS NULL" },
    { name: "IDX_affiliate_customer_id", on: ["customer_id"], where: "customer_id IS NOT NULL AND deleted_at IS NULL" },
  ])
