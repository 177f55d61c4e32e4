import { customerCommissionStatus, maskEmail } from "../anonymize"

describe("maskEmail", () => {
  it.each([
    ["john@example.com", "j***@e***.com"],
    ["John.Doe@Mail.Example.CO.UK", "j***@m***.uk"],
    ["a@b.io", "a***@b***.io"],
    ["  jane@example.org ", "j***@e***.org"],
    ["we\"ird@x@example.com", "w***@e***.com"],
    ["😀smile@example.com", "😀***@e***.com"],
  ])("%s → %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked)
  })

  it.each([[null], [undefined], [""], ["no-at-sign"], ["@example.com"], ["john@localhost"], ["john@example."], ["john@.com"]])(
    "%s → null",
    (email) => {
      expect(maskEmail(email as any)).toBeNull()
    }
  )

  it("never keeps more than one character of the local part or the domain name", () => {
    const masked = maskEmail("alexander.hamilton@treasury.gov")!
    expect(masked).toBe("a***@t***.gov")
    expect(masked).not.toContain("lexander")
    expect(masked).not.toContain("reasury")
  })
})

describe("customerCommissionStatus", () => {
  const row = { rejection_reason: null, line_count: 1, sale_statuses: ["pending"], reversed: false, commission: "5" }
  it.each([
    [{}, "pending"],
    [{ sale_statuses: ["on_hold"] }, "pending"],
    [{ sale_statuses: ["approved"] }, "approved"],
    [{ sale_statuses: ["paid"] }, "paid"],
    [{ sale_statuses: ["rejected"] }, "rejected"],
    [{ rejection_reason: "self_referral", line_count: 0, sale_statuses: [] }, "rejected"],
    [{ line_count: 0, sale_statuses: [], commission: "0" }, "no_commission"],
    [{ reversed: true, commission: "0" }, "reversed"],
    [{ reversed: true, commission: "2.5", sale_statuses: ["approved"] }, "approved"],
  ])("%j → %s", (change, status) => {
    expect(customerCommissionStatus({ ...row, ...change } as any)).toBe(status)
  })
})
