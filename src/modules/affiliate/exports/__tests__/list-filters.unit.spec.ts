import { knex as knexFactory } from "@medusajs/framework/mikro-orm/knex"
import { applyListFilters } from "../list-filters"

// The exports must find the rows their list route finds: the filters as Query reads them.
describe("applyListFilters", () => {
  const knex = knexFactory({ client: "pg" })
  const sql = (filters: Record<string, unknown>) => {
    const { sql, bindings } = applyListFilters(knex("affiliate_payout as p"), "p", filters).toSQL()
    return [sql, bindings]
  }

  it("reads a list as IN, an operator map as comparisons and anything else as equality", () => {
    const since = new Date("2026-11-01T00:00:00Z")
    expect(
      sql({ affiliate_id: ["aff_1", "aff_2"], status: "paid", created_at: { $gte: since, $lt: since }, currency_code: undefined })
    ).toEqual([
      'select * from "affiliate_payout" as "p" where "p"."affiliate_id" in (?, ?) and "p"."status" = ? and "p"."created_at" >= ? and "p"."created_at" < ?',
      ["aff_1", "aff_2", "paid", since, since],
    ])
    expect(sql({ created_at: since })).toEqual(['select * from "affiliate_payout" as "p" where "p"."created_at" = ?', [since]])
  })

  it("refuses a key that isn't a column name and an unknown operator, as a 400", () => {
    expect(() => sql({ 'id" OR 1=1 --': "x" })).toThrow(/not a filter/)
    expect(() => sql({ created_at: { $like: "x" } })).toThrow("created_at: $like is not a filter operator")
  })
})
