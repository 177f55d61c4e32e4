import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Client } from "pg"
import { setUpDemoStore } from "../helpers/demo-suite"
import { createAffiliateWithCode } from "../helpers/affiliates"
import { BROWSER, STORE_URL, visit as visitAs } from "../helpers/visits"

jest.setTimeout(180_000)

/**
 * I9 defect 13, the redirect half: while PostgreSQL can't be reached, `/r/CODE`
 * still sends the visitor to the store within a second, without a token.
 * The outage is real for the server: its database stops accepting
 * connections and every session on it is ended (the cluster itself keeps
 * running for the other suites), so the server's pool can only wait.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const visit = (path: string, userAgent = BROWSER) => visitAs(api, path, userAgent)

    it("sends visitors on within a second, without attribution, while the database is unreachable", async () => {
      const { admin } = await setUpDemoStore(getContainer())
      await createAffiliateWithCode(api, admin, { code: "ADA10" })
      await createAffiliateWithCode(api, admin, { code: "GRACE" })
      // ADA10's look-up is cached by this first visit; GRACE's is not.
      const warm = await visit("/r/ADA10")
      expect(new URL(warm.headers.location).searchParams.get("affiliate_token")).toBeTruthy()

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      const { rows: [{ name }] } = await knex.raw("SELECT current_database() AS name")
      const superuser = new Client({
        host: process.env.DB_HOST ?? "localhost",
        port: Number(process.env.DB_PORT ?? 5432),
        user: process.env.DB_USERNAME ?? "postgres",
        password: process.env.DB_PASSWORD ?? "",
        database: "postgres",
      })
      await superuser.connect()
      const timings: number[] = []
      try {
        await superuser.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`)
        await superuser.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name]
        )
        for (const [path, agent] of [
          ["/r/ADA10?utm_source=x", BROWSER + " 2"],
          ["/r/GRACE", BROWSER],
          ["/r/ADA10/newsletter", BROWSER + " 3"],
          ["/r/UNKNOWN", BROWSER],
        ]) {
          const started = Date.now()
          const response = await visit(path, agent)
          timings.push(Date.now() - started)
          expect(response.status).toBe(302)
          const target = new URL(response.headers.location)
          expect(target.origin).toBe(STORE_URL)
          expect(target.searchParams.get("affiliate_token")).toBeNull()
          expect(response.headers["x-affiliate-refusal"]).toBe("unavailable")
        }
      } finally {
        await superuser.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)
        await superuser.end()
      }
      // eslint-disable-next-line no-console
      console.log(`redirects during the outage answered in ${timings.join(", ")} ms`)
      expect(Math.max(...timings)).toBeLessThan(1_000)

      // Once the database is back, redirects attribute again.
      let token: string | null = null
      for (let attempt = 0; attempt < 40 && !token; attempt++) {
        const response = await visit("/r/GRACE", `${BROWSER} after ${attempt}`)
        token = new URL(response.headers.location).searchParams.get("affiliate_token")
        if (!token) await new Promise((resolve) => setTimeout(resolve, 500))
      }
      expect(token).toBeTruthy()
    })
  },
})
