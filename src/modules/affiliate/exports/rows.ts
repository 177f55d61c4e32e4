/**
 * The CSV layouts of the exports: a header (or none) and one function per
 * layout that turns a row read by `export-pages.ts` into cells. Cells are
 * strings; quoting and formula neutralizing happen in the writer.
 */
import { currencyPrecision, roundAmount } from "../utils/money"
import type { BankTransferDetails, EmailWalletDetails } from "../payout-details/types"
import type { LedgerExportRow, PayoutExportRow } from "./export-pages"

/**
 * An amount exactly as the ledger has it, written to the currency's precision
 * ("12.50" USD, "1000" JPY, "1.250" KWD), from the decimal string, never
 * through a float. The ledger only holds rounded amounts, so `roundAmount`
 * changes nothing; it is there so that this is the one way to write one.
 */
export function formatAmount(value: string, currencyCode: string): string {
  return roundAmount(value, currencyCode).toFixed(currencyPrecision(currencyCode))
}

const iso = (value: Date | string | null) => (value == null ? "" : new Date(value).toISOString())

export const LEDGER_HEADER = [
  "id",
  "created_at",
  "affiliate_id",
  "affiliate_name",
  "affiliate_email",
  "type",
  "status",
  "amount",
  "currency",
  "order_id",
  "reference",
  "reason",
  "payout_id",
  "approved_at",
  "hold_until",
]

export function ledgerCsvRow(row: LedgerExportRow): string[] {
  return [
    row.id,
    iso(row.created_at),
    row.affiliate_id,
    row.affiliate_name ?? "",
    row.affiliate_email ?? "",
    row.type,
    row.status,
    formatAmount(row.amount, row.currency_code),
    row.currency_code.toUpperCase(),
    row.order_id ?? "",
    row.reference ?? "",
    row.reason ?? "",
    row.payout_id ?? "",
    iso(row.approved_at),
    iso(row.hold_until),
  ]
}

/** The payout layouts, and which payout method's details each needs. */
export const PAYOUT_LAYOUTS = {
  /**
   * PayPal Payouts Web upload (developer.paypal.com/payouts/use-payouts/send-money/use-web-ui;
   * formerly Mass Pay): no header row, one payout per line, columns
   * recipient identifier (the partner's PayPal email), amount (decimal point),
   * currency (one per file), customer ID (our payout id, a unique reference
   * of at most 63 characters in PayPal's API), note to the recipient, and
   * recipient wallet (`PAYPAL`).
   */
  paypal: { method: "paypal", header: null },
  /** A generic bank-transfer sheet for a bank's bulk upload or a person to key in. */
  bank: {
    method: "bank_transfer",
    header: [
      "account_holder_name",
      "iban",
      "account_number",
      "routing_number",
      "sort_code",
      "bic",
      "bank_name",
      "country",
      "amount",
      "currency",
      "reference",
      "affiliate_id",
      "affiliate_email",
    ],
  },
} as const
export type PayoutLayout = keyof typeof PAYOUT_LAYOUTS

export function paypalCsvRow(row: PayoutExportRow): string[] {
  const details = row.payout_details as EmailWalletDetails
  return [
    details.email,
    formatAmount(row.amount, row.currency_code),
    row.currency_code.toUpperCase(),
    row.id,
    row.note ?? "",
    "PAYPAL",
  ]
}

export function bankCsvRow(row: PayoutExportRow): string[] {
  const details = row.payout_details as BankTransferDetails
  return [
    details.account_holder_name,
    details.iban ?? "",
    details.account_number ?? "",
    details.routing_number ?? "",
    details.sort_code ?? "",
    details.bic ?? "",
    details.bank_name,
    details.country,
    formatAmount(row.amount, row.currency_code),
    row.currency_code.toUpperCase(),
    row.id,
    row.affiliate_id,
    row.affiliate_email ?? "",
  ]
}

export const PAYOUT_ROW: Record<PayoutLayout, (row: PayoutExportRow) => string[]> = {
  paypal: paypalCsvRow,
  bank: bankCsvRow,
}

/**
 * The partner's own ledger (portal, H6): the admin's layout without the
 * columns about the partner themself, and without the order id, which a
 * partner is never shown.
 */
export const PARTNER_LEDGER_HEADER = [
  "id",
  "created_at",
  "type",
  "status",
  "amount",
  "currency",
  "reason",
  "payout_id",
  "approved_at",
  "hold_until",
]

/** The admin's row cut to the partner's columns: one way to write each cell. */
export function partnerLedgerCsvRow(row: LedgerExportRow): string[] {
  const cells = ledgerCsvRow(row)
  return PARTNER_LEDGER_HEADER.map((column) => cells[LEDGER_HEADER.indexOf(column)])
}

/** The partner's own payouts (portal, H6): no payout details, no admin note. */
export const PARTNER_PAYOUT_HEADER = ["id", "created_at", "status", "amount", "currency", "method", "reference", "paid_at"]

export function partnerPayoutCsvRow(row: PayoutExportRow): string[] {
  return [
    row.id,
    iso(row.created_at),
    row.status,
    formatAmount(row.amount, row.currency_code),
    row.currency_code.toUpperCase(),
    row.method,
    row.external_reference ?? "",
    iso(row.paid_at),
  ]
}
