import { LookupCache } from "../lookup-cache"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("LookupCache (the code and link caches of the click path)", () => {
  it("keeps at most `max` found values, dropping the least recently used", () => {
    const cache = new LookupCache<{ id: number }>({ max: 3, maxMissing: 2, ttlMs: 60_000 })
    for (let i = 0; i < 5; i++) cache.set(`K${i}`, { id: i })
    expect(cache.size).toEqual({ found: 3, missing: 0 })
    expect(cache.get("K0")).toBeUndefined()
    expect(cache.get("K4")).toEqual({ id: 4 })
  })

  it("keeps 'not found' answers apart and few: a flood of made-up codes never evicts a real one", () => {
    const cache = new LookupCache<{ id: number }>({ max: 100, maxMissing: 10, ttlMs: 60_000 })
    cache.set("ADA10", { id: 1 })
    for (let i = 0; i < 5_000; i++) cache.set(`RANDOM${i}`, null)
    expect(cache.size).toEqual({ found: 1, missing: 10 })
    expect(cache.get("ADA10")).toEqual({ id: 1 })
    expect(cache.get("RANDOM4999")).toBeNull()
    expect(cache.get("RANDOM0")).toBeUndefined()
  })

  it("forgets answers after the TTL, and a found value replaces a 'not found' one", async () => {
    const cache = new LookupCache<{ id: number }>({ max: 10, maxMissing: 10, ttlMs: 40 })
    cache.set("NEW", null)
    expect(cache.get("NEW")).toBeNull()
    cache.set("NEW", { id: 2 })
    expect(cache.get("NEW")).toEqual({ id: 2 })
    expect(cache.size).toEqual({ found: 1, missing: 0 })
    await sleep(80)
    expect(cache.get("NEW")).toBeUndefined()
    cache.set("GONE", { id: 3 })
    cache.clear()
    expect(cache.get("GONE")).toBeUndefined()
  })
})
