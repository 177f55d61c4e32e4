import { ruleProblems, RuleShapeForProblems } from "../utils/rule-problems"

// What the API refuses and the admin's rule form refuses first: one table.
describe("ruleProblems", () => {
  it.each<[string, RuleShapeForProblems, string[]]>([
    ["a program percent rule", { scope: "program", kind: "percent", rate: 10 }, []],
    ["a partner CPA rule", { scope: "affiliate", affiliate_id: "aff_1", kind: "fixed_order", amounts: { usd: 5 } }, []],
    ["a program CPL rule", { scope: "program", kind: "fixed_lead", amounts: { usd: 3 } }, []],
    ["an excluded product", { scope: "product", product_id: "prod_1", kind: "percent", excluded: true }, []],
    ["a tiered percent rule", { scope: "program", kind: "percent", rate: 25, tiers: [{ threshold: 10, rate: 35 }], tier_metric: "paid_orders" }, []],
    ["a partner rule without its partner", { scope: "affiliate", kind: "percent", rate: 10 }, ["affiliate_id"]],
    ["a product rule naming a partner", { scope: "product", product_id: "prod_1", affiliate_id: "aff_1", kind: "percent", rate: 10 }, ["affiliate_id"]],
    ["a partner + product rule without the product", { scope: "affiliate_product", affiliate_id: "aff_1", kind: "percent", rate: 10 }, ["product_id"]],
    ["an excluded program", { scope: "program", kind: "percent", excluded: true }, ["excluded"]],
    ["a percent rule without a rate", { scope: "program", kind: "percent" }, ["rate"]],
    ["a fixed rule without amounts", { scope: "program", kind: "fixed_order" }, ["amounts"]],
    ["a fixed amount on a product", { scope: "product", product_id: "prod_1", kind: "fixed_order", amounts: { usd: 5 } }, ["kind"]],
    ["a lead amount on a partner + product", { scope: "affiliate_product", affiliate_id: "a", product_id: "p", kind: "fixed_lead", amounts: { usd: 1 } }, ["kind"]],
    ["a lead rule for parents", { scope: "program", kind: "fixed_lead", amounts: { usd: 1 }, level: 1 }, ["level"]],
    ["tiers without a metric", { scope: "program", kind: "percent", rate: 5, tiers: [{ threshold: 1, rate: 6 }] }, ["tier_metric"]],
    ["tiers on a fixed rule", { scope: "program", kind: "fixed_order", amounts: { usd: 5 }, tiers: [{ threshold: 1, rate: 6 }], tier_metric: "revenue" }, ["tiers"]],
  ])("%s", (_name, rule, paths) => {
    expect(ruleProblems(rule).map((problem) => problem.path)).toEqual(paths)
  })

  it("names the field at the start of each message", () => {
    for (const problem of ruleProblems({ scope: "affiliate", kind: "fixed_lead", level: 2 })) {
      expect(problem.message.startsWith(problem.path)).toBe(true)
    }
  })
})
