import { firstActiveCode } from "../steps/compose-status-email"
import { partnerLocale } from "../partner-email"

const code = (over: Partial<Parameters<typeof firstActiveCode>[0][number]>) => ({
  code: "X",
  is_active: true,
  alias_of_id: null,
  expires_at: null,
  created_at: "2026-01-01T00:00:00Z",
  ...over,
})

describe("firstActiveCode", () => {
  const now = new Date("2026-06-01T00:00:00Z")

  it("is the oldest usable code: not an alias, active, not expired", () => {
    expect(
      firstActiveCode(
        [
          code({ code: "LATER", created_at: "2026-03-01T00:00:00Z" }),
          code({ code: "ALIAS", alias_of_id: "code_1", created_at: "2025-01-01T00:00:00Z" }),
          code({ code: "OFF", is_active: false, created_at: "2025-01-02T00:00:00Z" }),
          code({ code: "EXPIRED", expires_at: "2026-05-31T00:00:00Z", created_at: "2025-01-03T00:00:00Z" }),
          code({ code: "FIRST", expires_at: "2026-12-31T00:00:00Z", created_at: "2026-02-01T00:00:00Z" }),
        ],
        now
      )
    ).toBe("FIRST")
  })

  it("is null without a usable code", () => {
    expect(firstActiveCode([], now)).toBeNull()
    expect(firstActiveCode([code({ is_active: false })], now)).toBeNull()
  })
})

describe("partnerLocale", () => {
  it("reads the affiliate's locale when the column exists, else null", () => {
    expect(partnerLocale({ locale: "ru" })).toBe("ru")
    expect(partnerLocale({ locale: "" })).toBeNull()
    expect(partnerLocale({})).toBeNull()
    expect(partnerLocale(null)).toBeNull()
  })
})
