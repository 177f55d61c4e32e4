import { bankCsvRow, formatAmount, LEDGER_HEADER, ledgerCsvRow, paypalCsvRow } from "../rows"

describe("export rows", () => {
  it.each([
    ["12.5", "usd", "12.50"],
    ["-12.5", "usd", "-12.50"],
    ["0.1", "usd", "0.10"],
    ["1000", "jpy", "1000"],
    ["-1000", "JPY", "-1000"],
    ["1.25", "kwd", "1.250"],
    ["0.001", "kwd", "0.001"],
    ["999999999999.99", "usd", "999999999999.99"],
    ["0.30000000000000004", "usd", "0.30"],
  ])("writes %s %s as %s, in the currency's precision", (value, currency, expected) => {
    expect(formatAmount(value, currency)).toBe(expected)
  })

  const at = new Date("2026-12-01T10:00:00.123Z")

  it("writes a ledger line in the header's order", () => {
    const row = ledgerCsvRow({
      id: "afcom_1",
      created_at: at,
      affiliate_id: "aff_1",
      affiliate_name: "Ada",
      affiliate_email: "ada@example.com",
      type: "reversal",
      status: "approved",
      amount: "-12.5",
      currency_code: "usd",
      order_id: "order_1",
      reference: "order_canceled",
      reason: null,
      payout_id: null,
      approved_at: at,
      hold_until: null,
    })
    expect(Object.fromEntries(LEDGER_HEADER.map((column, i) => [column, row[i]]))).toEqual({
      id: "afcom_1",
      created_at: "2026-12-01T10:00:00.123Z",
      affiliate_id: "aff_1",
      affiliate_name: "Ada",
      affiliate_email: "ada@example.com",
      type: "reversal",
      status: "approved",
      amount: "-12.50",
      currency: "USD",
      order_id: "order_1",
      reference: "order_canceled",
      reason: "",
      payout_id: "",
      approved_at: "2026-12-01T10:00:00.123Z",
      hold_until: "",
    })
  })

  const payout = {
    id: "afpay_1",
    created_at: at,
    affiliate_id: "aff_1",
    affiliate_name: "Ada",
    affiliate_email: "ada@example.com",
    amount: "1000",
    currency_code: "jpy",
    status: "paid",
    method: "manual",
    external_reference: null,
    note: "December",
    paid_at: at,
    payout_method: "paypal",
  }

  it("writes PayPal's Payouts Web columns: recipient, amount, currency, id, note, wallet", () => {
    expect(paypalCsvRow({ ...payout, payout_details: { method: "paypal", email: "pay@ada.test" } })).toEqual([
      "pay@ada.test",
      "1000",
      "JPY",
      "afpay_1",
      "December",
      "PAYPAL",
    ])
  })

  it("writes the bank sheet from the partner's bank details", () => {
    expect(
      bankCsvRow({
        ...payout,
        amount: "1.25",
        currency_code: "kwd",
        payout_details: {
          method: "bank_transfer",
          account_holder_name: "Ada Lovelace",
          iban: "KW81CBKU0000000000001234560101",
          bic: "CBKUKWKW",
          bank_name: "Commercial Bank of Kuwait",
          country: "KW",
        },
      })
    ).toEqual([
      "Ada Lovelace",
      "KW81CBKU0000000000001234560101",
      "",
      "",
      "",
      "CBKUKWKW",
      "Commercial Bank of Kuwait",
      "KW",
      "1.250",
      "KWD",
      "afpay_1",
      "aff_1",
      "ada@example.com",
    ])
  })
})
