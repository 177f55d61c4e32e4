import { payoutDetails } from "../payout-details"

// What the admin's and the partner's payout-details routes accept, per method.
// Refusals name the field, as the routes' 400s do.
describe("payoutDetails", () => {
  const schema = payoutDetails()
  const refusal = (body: unknown) => {
    const parsed = schema.safeParse(body)
    if (parsed.success) throw new Error(`accepted ${JSON.stringify(body)}`)
    return parsed.error.issues.map((issue) => issue.message).join("; ")
  }
  const bank = { method: "bank_transfer", account_holder_name: "Ada Lovelace", bank_name: "Commerzbank", country: "de" }

  describe("bank transfer", () => {
    it.each([
      ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "DE"],
      ["gb82 west 1234 5698 7654 32", "GB82WEST12345698765432", "GB"],
      ["NL91ABNA0417164300", "NL91ABNA0417164300", "NL"],
    ])("accepts the IBAN %s and stores it as %s", (iban, stored, country) => {
      expect(schema.parse({ ...bank, iban, country })).toMatchObject({ iban: stored, country })
    })

    it("refuses an IBAN whose check digits (mod 97) don't match", () => {
      expect(refusal({ ...bank, country: "GB", iban: "GB82WEST12345698765431" })).toBe(
        "iban: not a valid IBAN (country, length or check digits)"
      )
      expect(refusal({ ...bank, iban: "DE88370400440532013000" })).toMatch(/^iban: /)
      // Right checksum, wrong length for the country.
      expect(refusal({ ...bank, iban: "DE8937040044053201300" })).toMatch(/^iban: /)
    })

    it("needs an IBAN or an account number, and a country that matches the IBAN", () => {
      expect(refusal(bank)).toBe("iban: an IBAN or an account_number is required")
      expect(refusal({ ...bank, country: "FR", iban: "DE89370400440532013000" })).toBe(
        "country: FR is not the IBAN's country (DE)"
      )
      expect(
        schema.parse({ ...bank, country: "US", account_number: "000123456789", routing_number: "021000021" })
      ).toMatchObject({ account_number: "000123456789", routing_number: "021000021" })
    })

    it("checks the BIC, routing number, sort code and country", () => {
      const ok = { ...bank, iban: "DE89370400440532013000" }
      expect(schema.parse({ ...ok, bic: "cobadeffxxx" })).toMatchObject({ bic: "COBADEFFXXX" })
      expect(refusal({ ...ok, bic: "NOTABIC" })).toBe("bic: not a valid BIC/SWIFT code")
      expect(refusal({ ...ok, routing_number: "12345" })).toBe("routing_number: a 9-digit routing number")
      expect(schema.parse({ ...ok, sort_code: "20-00-00" })).toMatchObject({ sort_code: "200000" })
      expect(refusal({ ...ok, sort_code: "20-00" })).toBe("sort_code: a 6-digit sort code")
      expect(refusal({ ...ok, country: "XX" })).toMatch(/^country: not an ISO 3166 country code/)
      expect(refusal({ ...ok, account_holder_name: " " })).toBe("account_holder_name: required")
      expect(refusal({ ...ok, bank_name: "x".repeat(141) })).toBe("bank_name: at most 140 characters")
      expect(refusal({ ...ok, bank_name: "Bank\u0000" })).toBe("bank_name: must not contain control characters")
    })
  })

  it.each(["paypal", "skrill", "neteller"])("%s needs an email address and nothing else", (method) => {
    expect(schema.parse({ method, email: " ada@example.com " })).toEqual({ method, email: "ada@example.com" })
    expect(refusal({ method, email: "ada" })).toBe("email: not an email address")
    // A missing field: Medusa's validator turns this issue into "Field 'email' is required".
    expect(schema.safeParse({ method }).error?.issues.map((issue) => issue.path)).toEqual([["email"]])
    expect(schema.safeParse({ method, email: "ada@example.com", iban: "DE89370400440532013000" }).success).toBe(false)
  })

  describe("crypto", () => {
    const crypto = (currency: string, network: string, wallet_address: string) => ({
      method: "crypto",
      currency,
      network,
      wallet_address,
    })

    it.each([
      ["BTC", "bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"],
      ["BTC", "bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"],
      ["BTC", "bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"],
      ["BTC", "bitcoin", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"],
      ["BTC", "bitcoin", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"],
      ["usdt", "TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"],
      ["USDT", "ethereum", "0xdAC17F958D2ee523a2206206994597C13D831ec7"],
      ["USDC", "polygon", "0x3c499c542cef5e3811e1192ce70d8cc03d5c3359"],
      ["USDT", "solana", "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB"],
    ])("accepts %s on %s at %s", (currency, network, address) => {
      expect(schema.parse(crypto(currency, network, address))).toMatchObject({
        currency: currency.toUpperCase(),
        network: network.toLowerCase(),
        wallet_address: address,
      })
    })

    it.each([
      ["BTC", "bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "a Base58Check checksum off by one character"],
      ["BTC", "bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", "a Bech32 checksum off by one character"],
      ["BTC", "bitcoin", "bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "mixed case Bech32"],
      ["BTC", "bitcoin", "0xdAC17F958D2ee523a2206206994597C13D831ec7", "an Ethereum address"],
      ["USDT", "tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "a Tron checksum off by one character"],
      ["USDT", "ethereum", "0xdAC17F958D2ee523a2206206994597C13D831ec", "39 hex digits"],
      ["USDT", "solana", "0OIl", "characters outside Base58"],
    ])("refuses %s on %s at %s (%s)", (currency, network, address) => {
      expect(refusal(crypto(currency, network, address))).toBe(`wallet_address: not a valid ${network} address`)
    })

    it("refuses a coin on a network it isn't paid on, and unknown coins or networks", () => {
      expect(refusal(crypto("BTC", "tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))).toBe(
        "network: BTC is paid on bitcoin, not tron"
      )
      expect(refusal(crypto("DOGE", "bitcoin", "x"))).toMatch(/^currency: one of BTC, ETH, USDT, USDC/)
      expect(refusal(crypto("BTC", "lightning", "x"))).toMatch(/^network: one of /)
    })
  })

  it("other: free-text instructions, bounded", () => {
    expect(schema.parse({ method: "other", instructions: "Cash at the\nshop" })).toEqual({
      method: "other",
      instructions: "Cash at the\nshop",
    })
    expect(refusal({ method: "other", instructions: "x".repeat(1001) })).toBe("instructions: at most 1000 characters")
  })

  it("refuses an unknown or missing method, naming it", () => {
    expect(refusal({ method: "venmo", email: "ada@example.com" })).toBe(
      "method: one of bank_transfer, paypal, skrill, neteller, crypto, other"
    )
    expect(refusal({ email: "ada@example.com" })).toMatch(/^method: /)
  })
})
