import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AffiliateEvents, type AffiliateEventData } from "../../src/types/events"

export type RecordedEvent = { name: string; data: AffiliateEventData }

/**
 * Subscribes to every event the plugin emits, on the host's real event bus, and
 * keeps what arrives, so a test can say "emitted once per change". Call
 * `stop()` in `afterEach`.
 */
export function recordAffiliateEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const seen: RecordedEvent[] = []
  const subscriptions = Object.values(AffiliateEvents).map((name) => {
    const subscriber = async (event: { name: string; data: AffiliateEventData }) => {
      seen.push({ name: event.name ?? name, data: event.data })
    }
    const context = { subscriberId: `test-recorder-${name}-${Date.now()}-${Math.random()}` }
    eventBus.subscribe(name, subscriber as any, context)
    return { name, subscriber, context }
  })

  return {
    all: () => [...seen],
    /** The events of one name, in the order they arrived. */
    named: (name: string) => seen.filter((event) => event.name === name),
    /** The ids that arrived with one event name. */
    idsOf: (name: string) => seen.filter((event) => event.name === name).map((event) => event.data.id),
    clear: () => {
      seen.length = 0
    },
    /** Waits until `count` events of `name` arrived (the bus delivers after the workflow commits). */
    waitFor: async (name: string, count = 1, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      while (seen.filter((event) => event.name === name).length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} ${name} event(s) within ${timeoutMs} ms, saw ${JSON.stringify(seen.map((e) => e.name))}`
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    /** Lets events already emitted arrive, so a test can assert that no more came. */
    settle: (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms)),
    stop: () => {
      for (const { name, subscriber, context } of subscriptions) {
        eventBus.unsubscribe(name, subscriber as any, context)
      }
    },
  }
}
