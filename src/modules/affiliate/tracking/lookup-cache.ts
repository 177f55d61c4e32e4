import { LRUCache } from "lru-cache"

/** What a look-up cache holds per key: the value found, or null for "not found". */
type Entry<V> = { value: V | null }

export type LookupCacheOptions = {
  /** Most found values kept (least recently used dropped first). */
  max: number
  /** Most "not found" answers kept: a small share, so random keys can't fill the cache. */
  maxMissing: number
  /** How long an answer is served before it is looked up again. */
  ttlMs: number
}

/**
 * An in-process cache of database look-ups on the click hot path (codes,
 * links), bounded in entries and age. Answers "not found" are kept apart in a
 * much smaller cache, so a flood of made-up codes evicts only other made-up
 * codes, never a real one, and memory stays bounded whatever visitors send.
 */
export class LookupCache<V extends {}> {
  protected readonly found_: LRUCache<string, Entry<V>>
  protected readonly missing_: LRUCache<string, Entry<V>>

  constructor({ max, maxMissing, ttlMs }: LookupCacheOptions) {
    // ttlAutopurge off: expired entries are dropped when read or evicted, with no timer per entry.
    this.found_ = new LRUCache({ max, ttl: ttlMs })
    this.missing_ = new LRUCache({ max: maxMissing, ttl: ttlMs })
  }

  /** The cached answer (a value, or null for "not found"), or undefined when there is none. */
  get(key: string): V | null | undefined {
    return (this.found_.get(key) ?? this.missing_.get(key))?.value
  }

  set(key: string, value: V | null): void {
    if (value === null) {
      this.found_.delete(key)
      this.missing_.set(key, { value: null })
    } else {
      this.missing_.delete(key)
      this.found_.set(key, { value })
    }
  }

  clear(): void {
    this.found_.clear()
    this.missing_.clear()
  }

  /** Entries held: found and not found. */
  get size(): { found: number; missing: number } {
    return { found: this.found_.size, missing: this.missing_.size }
  }
}
