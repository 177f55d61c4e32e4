import { orderPaidAt } from "../order-paid-at"

const collection = (status: string, amount: number, captured: number, capturedAt?: string) => ({
  id: "pc",
  status,
  amount,
  captured_amount: captured,
  payments: capturedAt ? [{ captured_at: capturedAt }] : [],
})

describe("orderPaidAt", () => {
  it("is null without payment collections", () => {
    expect(orderPaidAt([])).toBeNull()
    expect(orderPaidAt(undefined)).toBeNull()
  })

  it("is null while a payment is only authorized", () => {
    expect(orderPaidAt([collection("authorized", 50, 0)])).toBeNull()
  })

  it("is null while a payment is partially captured", () => {
    expect(orderPaidAt([collection("partially_captured", 50, 20)])).toBeNull()
  })

  it("is the capture time once fully captured", () => {
    expect(orderPaidAt([collection("completed", 50, 50, "2026-01-02T03:04:05Z")])).toEqual(
      new Date("2026-01-02T03:04:05Z")
    )
  })

  it("ignores canceled collections and needs every other one captured", () => {
    expect(
      orderPaidAt([
        collection("canceled", 50, 0),
        collection("completed", 50, 50, "2026-01-02T00:00:00Z"),
      ])
    ).toEqual(new Date("2026-01-02T00:00:00Z"))
    expect(
      orderPaidAt([collection("completed", 50, 50, "2026-01-02T00:00:00Z"), collection("authorized", 10, 0)])
    ).toBeNull()
  })
})
