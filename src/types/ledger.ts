/**
 * The commission ledger's public shapes: what the module's ledger methods take
 * and return. Every write to the ledger is one of those methods (see
 * `src/modules/affiliate/ledger/`); each returns the lines it actually wrote,
 * so a repeat that writes nothing announces nothing.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import type { IdempotencyFence } from "../modules/affiliate/idempotency/keys"
import type { AuditActor } from "./audit"

export enum CommissionType {
  SALE = "sale",
  LEAD = "lead",
  REVERSAL = "reversal",
  CLAWBACK = "clawback",
  ADJUSTMENT = "adjustment",
  BONUS = "bonus",
  WRITE_OFF = "write_off",
  /** A failed or canceled payout giving its amount back (a pair: -A on the payout, +A approved). */
  PAYOUT_RETURN = "payout_return",
}

export enum CommissionStatus {
  PENDING = "pending",
  ON_HOLD = "on_hold",
  APPROVED = "approved",
  PAID = "paid",
  REJECTED = "rejected",
}

/** An admin's action on ledger lines. */
export type LineStatusAction = "approve" | "reject" | "hold" | "release"

/** The balance of one affiliate in one currency, derived from the ledger. */
export type AffiliateBalance = {
  affiliate_id: string
  currency_code: string
  /** Approved lines not yet paid out, clawbacks included: what a payout would pay. */
  available: string
  /** Lines waiting for payment or the end of their hold period. */
  pending: string
  /** Settled by a payout that is not paid yet (pending or processing): in flight. */
  in_flight: string
  /** Everything paid out so far. */
  paid: string
}

/** A ledger line a method wrote or changed: what an event announces. */
export type WrittenLine = { id: string; affiliate_id: string }

/** A line's status fields before a manual change (what its compensation restores). */
export type LineStatusSnapshot = {
  id: string
  affiliate_id: string
  status: CommissionStatus
  approved_at: Date | null
  status_reason: string | null
  status_changed_by: string | null
  status_changed_at: Date | null
}

export type ChangeLinesStatusOptions = {
  /** Who acts: kept on the line and in the audit log. */
  actor: AuditActor
  reason?: string | null
  /** The request's `Idempotency-Key` claim: the change commits only under it. */
  idempotency?: IdempotencyFence
}

/** What a manual status change did: the lines as they were, and those now approved. */
export type LineStatusChange = {
  previous: LineStatusSnapshot[]
  approved: WrittenLine[]
}

export type ReverseLinesOptions = {
  /** What caused the reversal; one reversal per line and reference. */
  reference: string
  reason?: string
  created_by?: string | null
  /**
   * The share of each line to take back (e.g. 0.25 for a refund of a quarter
   * of the order), never more than what is left of it. Omitted: all that is
   * left, as a cancellation does.
   */
  fraction?: BigNumberInput
}

/** One refund of an order: its share of what the customer paid is taken back. */
export type RefundShareInput = {
  order_id: string
  /** What the customer paid for the order, before refunds. */
  paid_total: BigNumberInput
  refunds: { id: string; amount: BigNumberInput }[]
}

export type AdjustOrderLinesOptions = {
  /** The edit, e.g. "order_edit:v2": one adjustment per line and reference. */
  reference: string
  reason?: string
  /** The order version the targets price; recorded on the attribution. */
  priced_version?: number
}

/** A line an admin makes by hand. */
export type ManualLineInput = {
  affiliate_id: string
  type: "adjustment" | "bonus"
  amount: BigNumberInput
  currency_code: string
  reason: string
  status?: "approved" | "pending"
  order_id?: string | null
}

export type CreateManualLinesInput = {
  lines: ManualLineInput[]
  /** The admin who makes them: `created_by` and the audit log. */
  actor: AuditActor
  /** The request's `Idempotency-Key` claim: the lines are written only under it. */
  idempotency?: IdempotencyFence
}

/** Everything a lead writes, decided beforehand (the referral, the fraud screen, the lead rule). */
export type RecordLeadInput = {
  lead: {
    affiliate_id: string
    customer_id: string
    source: string
    code_id: string | null
    click_id: string | null
    link_id: string | null
    sub_id: string | null
    sales_channel_id: string | null
    utm_campaign: string | null
    referred_at: Date | string
  }
  /** What a per-lead rule pays, or null. */
  commission: { amount: BigNumberInput; currency_code: string; rule_id: string } | null
  /** Why the lead's line waits on hold for review (E7), or null. */
  hold_reason: string | null
  /** Days the lead line waits before approval. */
  hold_days: number
  now?: Date | string
}

/** What `recordLead` wrote, for its inverse. */
export type LeadUndo = { lead_id: string | null; binding_id: string | null; line_ids: string[] }

export type RecordedLead = {
  lead_id: string
  /** False when the customer already had a lead: nothing was written. */
  created: boolean
  affiliate_id: string
  lines: WrittenLine[]
  undo: LeadUndo
}

/** One sale line the rules engine priced: for one affiliate and level. */
export type AccrualLineInput = {
  affiliate_id: string
  level: number
  amount: BigNumberInput
  base_amount: BigNumberInput | null
  rate: BigNumberInput | null
  rule: string
}

/**
 * Everything the accrual of one order writes, decided beforehand from the
 * order, the program settings, the fraud screen and the rules engine.
 */
export type AccrueOrderInput = {
  order_id: string
  /**
   * The attribution credited with the order: an existing row (the cart's, or
   * the order's own on a repeat run) by `id`, or a new lifetime one.
   */
  attribution: {
    id?: string | null
    affiliate_id: string
    source: string
    referred_at: Date | string
  }
  /** What the attribution keeps of the order, for the reports. */
  order: {
    customer_id: string | null
    sales_channel_id: string | null
    ordered_at: Date | string
    total: BigNumberInput
    currency_code: string
    /** The order's version the lines were priced at (order edits re-price later versions). */
    version: number
  }
  /** Why the order earns nothing (e.g. "attribution_expired"), or null. */
  rejection_reason: string | null
  /** Why its lines wait on hold for a review (E7), or null. */
  hold_reason: string | null
  /** The lifetime binding to write if the customer has none yet (C6). */
  binding: { customer_id: string; affiliate_id: string; referred_at: Date | string } | null
  /** The sale lines, one per earning affiliate and level, amounts above zero. */
  lines: AccrualLineInput[]
  /** When the customer paid in full, if they have: starts the lines' hold. */
  paid_at: Date | string | null
  /** Days a paid line waits before approval. */
  hold_days: number
}

/** What `accrueOrder` wrote, for its inverse. */
export type AccrualUndo = {
  /** An existing attribution that this accrual linked to the order. */
  linked_attribution_id: string | null
  /** A lifetime attribution this accrual created. */
  created_attribution_id: string | null
  /** An attribution already linked whose `no_commission` reason this accrual set. */
  reason_set_attribution_id: string | null
  binding_id: string | null
  line_ids: string[]
  /** Lines that existed before and that this accrual marked paid. */
  marked_paid_line_ids: string[]
}

export type OrderAccrual = {
  attribution_id: string
  rejection_reason: string | null
  /** All of the order's sale lines, written now or before. */
  line_ids: string[]
  /** The sale lines this run wrote (none on a repeat). */
  written: WrittenLine[]
  undo: AccrualUndo
}

/** Where a page of attributed orders ended. */
export type OrderCursor = { ordered_at: Date; order_id: string }
