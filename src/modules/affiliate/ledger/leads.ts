/**
 * C9, leads: a sign-up under attribution is recorded with the customer's
 * lifetime binding and, under a per-lead rule, its commission line, in one
 * transaction.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { roundAmount } from "../utils/money"
import { CommissionType, LeadUndo, RecordedLead, RecordLeadInput } from "../../../types/ledger"
import { insertLines, newLineStatus } from "./lines"

const DAY_MS = 86_400_000

/**
 * Records a lead: the lead row, the customer's lifetime binding unless they
 * have one, and the lead line (`lead:<id>`, waiting out the hold period like
 * a sale, or on hold for review). One lead per customer: a second call, or
 * one that races the first (serialized on the customer), writes nothing and
 * answers with the first lead.
 */
export async function recordLead(tx: ModuleTx, input: RecordLeadInput): Promise<RecordedLead> {
  const { lead, commission } = input
  const now = input.now ? new Date(input.now) : new Date()
  // The lead's unique index would fail the second of two racing sign-ups;
  // holding the customer's lock makes it find the first lead instead.
  await tx.knex.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`affiliate_lead:${lead.customer_id}`])
  const [existing] = await tx.knex("affiliate_lead")
    .where({ customer_id: lead.customer_id })
    .whereNull("deleted_at")
    .select("id", "affiliate_id")
  if (existing) {
    return {
      lead_id: existing.id,
      created: false,
      affiliate_id: existing.affiliate_id,
      lines: [],
      undo: { lead_id: null, binding_id: null, line_ids: [] },
    }
  }

  const leadId = generateEntityId(undefined, "aflead")
  await tx.knex("affiliate_lead").insert({ ...lead, id: leadId, referred_at: new Date(lead.referred_at) })
  const { rows: bound } = await tx.knex.raw(
    `INSERT INTO affiliate_customer_binding (id, customer_id, affiliate_id, referred_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [generateEntityId(undefined, "afbind"), lead.customer_id, lead.affiliate_id, new Date(lead.referred_at)]
  )
  const lines = commission
    ? await insertLines(tx, [
        {
          affiliate_id: lead.affiliate_id,
          type: CommissionType.LEAD,
          amount: roundAmount(commission.amount, commission.currency_code).toString(),
          currency_code: commission.currency_code.toLowerCase(),
          rule: commission.rule_id,
          level: 0,
          source: lead.source,
          reference: `lead:${leadId}`,
          hold_until: new Date(now.getTime() + input.hold_days * DAY_MS),
          ...newLineStatus(input.hold_reason, now),
        },
      ])
    : []
  return {
    lead_id: leadId,
    created: true,
    affiliate_id: lead.affiliate_id,
    lines,
    undo: { lead_id: leadId, binding_id: bound[0]?.id ?? null, line_ids: lines.map((line) => line.id) },
  }
}

/** Takes back what one `recordLead` wrote (workflow compensation). */
export async function undoLead(tx: ModuleTx, undo: LeadUndo): Promise<void> {
  if (undo.line_ids.length) {
    await tx.service.deleteCommissionLines(undo.line_ids, tx.context)
  }
  if (undo.binding_id) {
    await tx.knex("affiliate_customer_binding").where({ id: undo.binding_id }).delete()
  }
  if (undo.lead_id) {
    await tx.knex("affiliate_lead").where({ id: undo.lead_id }).delete()
  }
}
