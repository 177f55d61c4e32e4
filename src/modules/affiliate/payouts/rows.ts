/**
 * Plain SQL writes of payouts and their ledger lines, in the caller's
 * transaction. Amounts are exact decimal strings; `raw_` columns get the
 * `{ value, precision }` Medusa's bigNumber fields keep.
 */
import { BigNumberInput } from "@medusajs/framework/types"
import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import { CommissionStatus, CommissionType, PayoutStatus } from "../types"

type KnexLike = any

export const PAYOUT_TABLE = "affiliate_payout"
export const LINE_TABLE = "affiliate_commission_line"
export const BATCH_TABLE = "affiliate_payout_batch"

/** An exact decimal string of an amount. */
export function decimal(value: BigNumberInput): string {
  return MathBN.convert(value).toFixed()
}

function raw(value: string) {
  return JSON.stringify({ value, precision: 20 })
}

export type PayoutRow = {
  id: string
  affiliate_id: string
  amount: string
  currency_code: string
  status: PayoutStatus
  method: string
  provider_id: string
  external_reference: string | null
  note: string | null
  failure_reason: string | null
  created_by: string | null
  retry_of_id: string | null
  batch_id: string | null
}

export type NewPayout = Omit<PayoutRow, "id" | "status" | "failure_reason"> & { status?: PayoutStatus }

export async function insertPayout(knex: KnexLike, payout: NewPayout): Promise<PayoutRow> {
  const [row] = await knex(PAYOUT_TABLE)
    .insert({
      id: generateEntityId(undefined, "afpay"),
      ...payout,
      status: payout.status ?? PayoutStatus.PENDING,
      raw_amount: raw(payout.amount),
    })
    .returning("*")
  return toPayoutRow(row)
}

/** The payout row, locked until the transaction ends; null when there is none. */
export async function lockPayout(knex: KnexLike, id: string): Promise<PayoutRow | null> {
  const [row] = await knex(PAYOUT_TABLE).where({ id }).whereNull("deleted_at").forUpdate().select("*")
  return row ? toPayoutRow(row) : null
}

export function toPayoutRow(row: any): PayoutRow {
  return { ...row, amount: decimal(row.raw_amount?.value ?? row.amount) }
}

export type NewLine = {
  affiliate_id: string
  currency_code: string
  type: CommissionType
  status: CommissionStatus
  amount: string
  payout_id?: string | null
  reference: string
  reason: string
  created_by: string | null
  approved_at: Date
}

export async function insertLines(knex: KnexLike, lines: NewLine[]): Promise<string[]> {
  if (!lines.length) {
    return []
  }
  const rows = lines.map((line) => ({
    id: generateEntityId(undefined, "afcom"),
    ...line,
    payout_id: line.payout_id ?? null,
    raw_amount: raw(line.amount),
  }))
  await knex(LINE_TABLE).insert(rows)
  return rows.map((row) => row.id)
}
