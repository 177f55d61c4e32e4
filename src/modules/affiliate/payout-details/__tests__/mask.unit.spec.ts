import { maskEmail, maskPayoutDetails, maskTail } from "../mask"

// What lists, the partner's own view and the audit log show of payout details.
describe("maskPayoutDetails", () => {
  it("keeps the last four characters of an account identifier", () => {
    expect(maskTail("DE89370400440532013000")).toBe("•••• 3000")
    expect(maskTail("DE89 3704 0044 0532 0130 00")).toBe("•••• 3000")
    // Too short to show any of it.
    expect(maskTail("123456")).toBe("••••")
  })

  it("keeps the first letter and the domain of an email", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j•••@example.com")
    expect(maskEmail("not-an-email")).toBe("••••")
  })

  it("masks what says where the money goes, per method, and keeps the rest", () => {
    expect(
      maskPayoutDetails({
        method: "bank_transfer",
        account_holder_name: "Ada Lovelace",
        iban: "DE89370400440532013000",
        bic: "COBADEFFXXX",
        bank_name: "Commerzbank",
        country: "DE",
      })
    ).toEqual({
      method: "bank_transfer",
      account_holder_name: "Ada Lovelace",
      iban: "•••• 3000",
      account_number: null,
      bic: "COBADEFFXXX",
      bank_name: "Commerzbank",
      country: "DE",
      masked: true,
    })
    expect(maskPayoutDetails({ method: "skrill", email: "ada@example.com" })).toEqual({
      method: "skrill",
      email: "a•••@example.com",
      masked: true,
    })
    expect(
      maskPayoutDetails({
        method: "crypto",
        currency: "USDT",
        network: "tron",
        wallet_address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        memo: "12345",
      })
    ).toEqual({
      method: "crypto",
      currency: "USDT",
      network: "tron",
      wallet_address: "•••• Lj6t",
      memo: "••••",
      masked: true,
    })
    expect(maskPayoutDetails({ method: "other", instructions: "IBAN DE89370400440532013000" })).toEqual({
      method: "other",
      instructions: "••••",
      masked: true,
    })
  })

  it("hides every value of details stored before validation existed, and never throws", () => {
    expect(maskPayoutDetails({ iban: "DE00123", nested: { a: 1 } })).toEqual({ iban: "••••", nested: "••••", masked: true })
    expect(maskPayoutDetails(null)).toBeNull()
    expect(maskPayoutDetails("DE89370400440532013000")).toBeNull()
    expect(maskPayoutDetails({ method: "paypal" })).toEqual({ method: "paypal", email: "••••", masked: true })
  })

  it("never leaves a full number in the masked output", () => {
    const details = {
      method: "bank_transfer",
      account_holder_name: "A",
      account_number: "000123456789",
      bank_name: "B",
      country: "US",
    }
    expect(JSON.stringify(maskPayoutDetails(details))).not.toContain("000123456789")
  })
})
