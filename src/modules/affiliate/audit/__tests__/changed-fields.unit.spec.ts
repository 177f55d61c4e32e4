import { changedFields, REDACTED_VALUE, setFields } from "../changed-fields"

describe("changedFields", () => {
  it("keeps only the fields that differ, as they were and as they are", () => {
    expect(
      changedFields(
        { id: "aff_1", name: "Ada", phone: null, commission_rate: 10, raw_commission_rate: { value: "10" } },
        { id: "aff_1", name: "Ada", phone: "+1 555", commission_rate: 15, raw_commission_rate: { value: "15" } }
      )
    ).toEqual({ before: { phone: null, commission_rate: 10 }, after: { phone: "+1 555", commission_rate: 15 } })
  })

  it("is null when nothing changed, bookkeeping columns and date objects included", () => {
    expect(
      changedFields(
        { name: "Ada", updated_at: new Date(1), approved_at: new Date("2026-01-01T00:00:00Z") },
        { name: "Ada", updated_at: new Date(2), approved_at: "2026-01-01T00:00:00.000Z" }
      )
    ).toBeNull()
  })

  it("compares a nested group field by field and counts a missing field as null", () => {
    expect(
      changedFields({ hold_days: 30, fraud: { a: 1, b: 2 } }, { hold_days: 30, fraud: { a: 1, b: 3 }, extra: undefined })
    ).toEqual({ before: { fraud: { b: 2 } }, after: { fraud: { b: 3 } } })
    expect(changedFields({ a: 1 }, {})).toEqual({ before: { a: 1 }, after: { a: null } })
  })

  it("looks only at the keys it is given", () => {
    expect(changedFields({ a: 1, b: 1 }, { a: 2, b: 2 }, ["b"])).toEqual({ before: { b: 1 }, after: { b: 2 } })
  })

  it("says payout details changed without saying what they are", () => {
    expect(changedFields({ payout_details: null }, { payout_details: { iban: "DE89 3704" } })).toEqual({
      before: { payout_details: null },
      after: { payout_details: REDACTED_VALUE },
    })
  })
})

describe("setFields", () => {
  it("keeps the fields that carry a value", () => {
    expect(setFields({ id: "x", name: "Ada", phone: null, created_at: new Date() })).toEqual({ name: "Ada" })
  })
})
