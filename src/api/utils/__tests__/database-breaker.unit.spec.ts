import { EventEmitter } from "events"
import { DatabaseBreaker, probeDatabase } from "../database-breaker"

/** A knex stand-in: a pool that emits `createFail`, and raw connections that work or not. */
function fakeKnex(connect: () => Promise<{ query: (sql: string) => Promise<unknown> }>) {
  const pool = new EventEmitter()
  const destroyed: unknown[] = []
  const knex = {
    client: {
      pool,
      acquireRawConnection: jest.fn(connect),
      destroyRawConnection: async (c: unknown) => {
        destroyed.push(c)
      },
    },
  }
  return { knex, pool, destroyed }
}

const up = async () => ({ query: async () => [{ "?column?": 1 }] })
const refused = async (): Promise<never> => {
  throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })
}

describe("DatabaseBreaker", () => {
  it("is closed and probes nothing while the pool is healthy", async () => {
    const { knex } = fakeKnex(up)
    const breaker = new DatabaseBreaker(knex)
    expect(await breaker.allows()).toBe(true)
    expect(knex.client.acquireRawConnection).not.toHaveBeenCalled()
  })

  it("opens when the pool fails to connect, and answers the reads waiting", async () => {
    const { knex, pool } = fakeKnex(refused)
    const breaker = new DatabaseBreaker(knex)
    const waiting = jest.fn()
    const done = jest.fn()
    breaker.watch(waiting)
    const unwatch = breaker.watch(done)
    unwatch()
    pool.emit("createFail", 1, new Error("ECONNREFUSED"))
    expect(breaker.isOpen).toBe(true)
    expect(waiting).toHaveBeenCalledTimes(1)
    expect(done).not.toHaveBeenCalled()
    expect(await breaker.allows()).toBe(false)
    // At most one probe a second: the next request is refused without one.
    expect(await breaker.allows()).toBe(false)
    expect(knex.client.acquireRawConnection).toHaveBeenCalledTimes(1)
  })

  it("closes again when a probe succeeds", async () => {
    let connect: () => Promise<any> = refused
    const { knex, pool } = fakeKnex(() => connect())
    const breaker = new DatabaseBreaker(knex)
    pool.emit("createFail", 1, new Error("down"))
    expect(await breaker.allows()).toBe(false)
    connect = up
    jest.useFakeTimers({ now: Date.now() + 1500, doNotFake: ["setTimeout", "clearTimeout"] })
    try {
      expect(await breaker.allows()).toBe(true)
    } finally {
      jest.useRealTimers()
    }
    expect(breaker.isOpen).toBe(false)
  })
})

describe("probeDatabase", () => {
  it("gives up after the timeout on a connection that never opens, and closes it when it does", async () => {
    let open: (c: unknown) => void = () => undefined
    const late = { query: async () => [] }
    const { knex, destroyed } = fakeKnex(() => new Promise((resolve) => (open = resolve)))
    const started = Date.now()
    expect(await probeDatabase(knex, 50)).toBe(false)
    expect(Date.now() - started).toBeLessThan(1000)
    open(late)
    await new Promise((r) => setImmediate(r))
    expect(destroyed).toEqual([late])
  })

  it("runs SELECT 1 and closes its connection", async () => {
    const queries: string[] = []
    const connection = { query: async (sql: string) => queries.push(sql) }
    const { knex, destroyed } = fakeKnex(async () => connection)
    expect(await probeDatabase(knex, 1000)).toBe(true)
    expect(queries).toEqual(["SELECT 1"])
    expect(destroyed).toEqual([connection])
  })
})
