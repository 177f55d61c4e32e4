import path from "path"
import { isPayoutDue } from "../payouts/payable"
import { loadPayoutProviders } from "../payouts/providers"
import { assertPayoutTransition, canMovePayout } from "../payouts/transitions"
import { PayoutStatus } from "../types"

describe("isPayoutDue: the one payable rule", () => {
  it.each([
    ["50", 50, true],
    ["49.99", 50, false],
    ["0.30000000000000004", "0.3", true],
    ["0.1", 0, true],
    ["0", 0, false],
    ["-5", 0, false],
    ["1000000000000.01", "1000000000000.01", true],
  ])("available %s against a minimum of %s → %s", (available, minimum, due) => {
    expect(isPayoutDue(available, minimum)).toBe(due)
  })
})

describe("payout transitions", () => {
  it("moves forward until paid, failed or canceled, and never out of them", () => {
    expect(canMovePayout(PayoutStatus.PENDING, PayoutStatus.PROCESSING)).toBe(true)
    expect(canMovePayout(PayoutStatus.PROCESSING, PayoutStatus.CANCELED)).toBe(true)
    expect(canMovePayout(PayoutStatus.PROCESSING, PayoutStatus.PENDING)).toBe(false)
    for (const final of [PayoutStatus.PAID, PayoutStatus.FAILED, PayoutStatus.CANCELED]) {
      for (const to of Object.values(PayoutStatus)) {
        expect(canMovePayout(final, to)).toBe(false)
      }
    }
  })

  it("names the payout's status when it refuses", () => {
    expect(() => assertPayoutTransition("afpay_1", PayoutStatus.PAID, PayoutStatus.FAILED)).toThrow(
      "Payout afpay_1 is paid; it can't become failed"
    )
  })
})

describe("loadPayoutProviders", () => {
  const sandbox = path.join(__dirname, "..", "..", "..", "..", "dev", "payout-sandbox")

  it("always has manual, and loads the registered ones", () => {
    const providers = loadPayoutProviders([{ resolve: sandbox, id: "sandbox" }])
    expect([...providers.keys()]).toEqual(["manual", "sandbox"])
    expect(providers.get("sandbox")!.identifier).toBe("sandbox")
  })

  it("stops boot naming a provider that can't load, or an id used twice", () => {
    expect(() => loadPayoutProviders([{ resolve: "./nowhere/at-all", id: "ghost" }])).toThrow(/"ghost" can't be loaded/)
    expect(() => loadPayoutProviders([{ resolve: sandbox, id: "manual" }])).toThrow(/"manual" is used twice/)
    expect(() => loadPayoutProviders([{ resolve: path.join(__dirname, "payouts.unit.spec.ts"), id: "x" }])).toThrow(
      /"x".*must export a provider class/
    )
  })
})
