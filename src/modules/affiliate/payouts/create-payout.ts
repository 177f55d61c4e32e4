/**
 * Creating a payout: under the affiliate's row lock, read the open lines,
 * decide with the one payable rule, settle whole lines (clawbacks first, then
 * the oldest) and carry the remainder as a pair of adjustment lines (see
 * `utils/payout-allocation.ts` and docs/ARCHITECTURE.md).
 */
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { AuditAction, type AuditActor } from "../../../types/audit"
import { writeAuditEntries } from "../audit/audit-log"
import { fenceIdempotencyKey, IdempotencyFence } from "../idempotency/keys"
import { CommissionStatus, CommissionType } from "../types"
import { roundAmount } from "../utils/money"
import { allocatePayout } from "../utils/payout-allocation"
import { isPayoutDue } from "./payable"
import { decimal, insertLines, insertPayout, LINE_TABLE, PayoutRow } from "./rows"

type KnexLike = any

export type CreatePayoutInput = {
  affiliate_id: string
  currency_code: string
  /** Defaults to the available balance, which must then be due (see `isPayoutDue`). */
  amount?: number | string
  allow_exceeding_balance?: boolean
  method?: string
  /** A registered payout provider; "manual" by default. */
  provider_id?: string
  external_reference?: string | null
  note?: string | null
  created_by?: string | null
  /** Who acts, for the audit log; an admin user by default (`created_by`). */
  actor?: AuditActor
  batch_id?: string | null
  retry_of_id?: string | null
  /** The request's `Idempotency-Key` claim: the payout commits only under it. */
  idempotency?: IdempotencyFence
}

/** Takes the affiliate's row lock for the rest of the transaction (404 when it doesn't exist). */
export async function lockAffiliate(knex: KnexLike, affiliateId: string) {
  await knex.raw("SET LOCAL lock_timeout = '5s'")
  const locked = await knex("affiliate").where({ id: affiliateId }).whereNull("deleted_at").forUpdate().select("id")
  if (!locked.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${affiliateId} was not found`)
  }
}

/** Approved lines no payout settled, oldest first, with exact amounts. */
export async function openLines(knex: KnexLike, affiliateId: string, currency: string) {
  const rows = await knex(LINE_TABLE)
    .where({ affiliate_id: affiliateId, currency_code: currency, status: CommissionStatus.APPROVED })
    .whereNull("payout_id")
    .whereNull("deleted_at")
    .orderBy([{ column: "created_at" }, { column: "id" }])
    .select("id", "amount", "raw_amount")
  return rows.map((row: any) => ({ id: row.id as string, amount: decimal(row.raw_amount?.value ?? row.amount) }))
}

/** The exact available balance, read under the caller's lock. */
export async function availableBalance(knex: KnexLike, affiliateId: string, currency: string) {
  const open = await openLines(knex, affiliateId, currency)
  return { open, available: roundAmount(MathBN.sum(0, ...open.map((line) => line.amount)), currency) }
}

/**
 * Creates a `pending` payout and settles its lines, in the caller's
 * transaction, which it locks the affiliate in. `minimum` is the currency's
 * minimum payout.
 */
export async function createPayout(knex: KnexLike, input: CreatePayoutInput, minimum: number): Promise<PayoutRow> {
  const currency = input.currency_code.toLowerCase()
  await lockAffiliate(knex, input.affiliate_id)
  const { open, available } = await availableBalance(knex, input.affiliate_id, currency)

  if (input.amount === undefined && !isPayoutDue(available, minimum)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      MathBN.gt(available, 0)
        ? `amount ${decimal(available)} is below the minimum payout of ${minimum} ${currency.toUpperCase()}`
        : `Affiliate ${input.affiliate_id} has no available balance in ${currency.toUpperCase()} to pay`
    )
  }
  const amount = roundAmount(input.amount ?? available, currency)
  if (MathBN.lte(amount, 0)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `amount must be greater than 0`)
  }
  if (MathBN.gt(amount, available) && !input.allow_exceeding_balance) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `amount ${decimal(amount)} exceeds the available balance of ${decimal(available)} ${currency.toUpperCase()}; set allow_exceeding_balance to pay more`
    )
  }
  if (MathBN.lt(amount, minimum)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `amount ${decimal(amount)} is below the minimum payout of ${minimum} ${currency.toUpperCase()}`
    )
  }

  const allocation = allocatePayout(open, amount)
  const payout = await insertPayout(knex, {
    affiliate_id: input.affiliate_id,
    amount: decimal(amount),
    currency_code: currency,
    method: input.method ?? input.provider_id ?? "manual",
    provider_id: input.provider_id ?? "manual",
    external_reference: input.external_reference ?? null,
    note: input.note ?? null,
    created_by: input.created_by ?? null,
    retry_of_id: input.retry_of_id ?? null,
    batch_id: input.batch_id ?? null,
  })

  if (allocation.settled.length) {
    // `payout_id IS NULL` is the last guard against paying a line twice: a
    // line settled elsewhere is not matched, and we abort.
    const updated = await knex(LINE_TABLE)
      .whereIn("id", allocation.settled)
      .whereNull("payout_id")
      .where("status", CommissionStatus.APPROVED)
      .update({ status: CommissionStatus.PAID, payout_id: payout.id, updated_at: knex.fn.now() })
    if (updated !== allocation.settled.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Commission lines of affiliate ${input.affiliate_id} changed while paying; try again`
      )
    }
  }

  // What the settled lines don't cover is carried as a pair of lines: the
  // positive one is part of this payout, the negative one stays in the
  // balance. The ledger then sums to what the payout pays.
  if (!MathBN.eq(allocation.carried, 0)) {
    const reason = MathBN.gt(allocation.carried, 0)
      ? `Paid ahead of earned commission in payout ${payout.id}`
      : `Part of payout ${payout.id} left for a later payout`
    const common = {
      affiliate_id: input.affiliate_id,
      currency_code: currency,
      type: CommissionType.ADJUSTMENT,
      reference: `payout:${payout.id}`,
      reason,
      created_by: input.created_by ?? null,
      approved_at: new Date(),
    }
    await insertLines(knex, [
      { ...common, status: CommissionStatus.PAID, amount: decimal(allocation.carried), payout_id: payout.id },
      { ...common, status: CommissionStatus.APPROVED, amount: decimal(MathBN.mult(allocation.carried, -1)) },
    ])
  }

  await writeAuditEntries(knex, [
    {
      ...(input.actor ?? { actor_type: "user", actor_id: input.created_by ?? "unknown" }),
      action: AuditAction.PAYOUT_CREATED,
      target_type: "payout",
      target_id: payout.id,
      affiliate_id: payout.affiliate_id,
      before: null,
      after: {
        status: payout.status,
        amount: payout.amount,
        currency_code: currency,
        provider_id: payout.provider_id,
        batch_id: payout.batch_id,
        retry_of_id: payout.retry_of_id,
      },
      reason: input.note ?? null,
    },
  ])
  if (input.idempotency) {
    await fenceIdempotencyKey(knex, input.idempotency, `payout:${payout.id}`)
  }
  return payout
}
