import { EXCLUSION_RULE_NAME, planProductExclusion } from "../steps/plan-product-exclusion"

const rule = (id: string, level: number, fields: Partial<{ excluded: boolean; rate: number | null; amounts: object | null; is_active: boolean }> = {}) => ({
  id,
  level,
  excluded: false,
  rate: null,
  amounts: null,
  is_active: true,
  ...fields,
})

describe("planProductExclusion", () => {
  it("takes a product out at every level: its rates become excluded, other levels get exclusion rules", () => {
    const plan = planProductExclusion("prod_1", false, [rule("r0", 0, { rate: 20 }), rule("old", 1, { rate: 5, is_active: false })], 2)
    expect(plan.update).toEqual([{ id: "r0", excluded: true }])
    expect(plan.create).toEqual([
      { name: EXCLUSION_RULE_NAME, scope: "product", kind: "percent", product_id: "prod_1", level: 1, excluded: true },
      { name: EXCLUSION_RULE_NAME, scope: "product", kind: "percent", product_id: "prod_1", level: 2, excluded: true },
    ])
    expect(plan.delete).toEqual([])
  })

  it("changes nothing for a product already out", () => {
    const rules = [0, 1].map((level) => rule(`x${level}`, level, { excluded: true }))
    expect(planProductExclusion("prod_1", false, rules, 1)).toEqual({ create: [], update: [], delete: [] })
  })

  it("brings a product back: rates lose `excluded`, bare exclusion rules are deleted", () => {
    const plan = planProductExclusion(
      "prod_1",
      true,
      [rule("r0", 0, { rate: 20, excluded: true }), rule("x1", 1, { excluded: true }), rule("f2", 2, { amounts: { usd: 5 }, excluded: true })],
      3
    )
    expect(plan).toEqual({ create: [], update: [{ id: "r0", excluded: false }, { id: "f2", excluded: false }], delete: ["x1"] })
  })

  it("changes nothing for a product already in", () => {
    expect(planProductExclusion("prod_1", true, [rule("r0", 0, { rate: 20 })], 3)).toEqual({ create: [], update: [], delete: [] })
  })
})
