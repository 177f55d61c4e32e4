import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Emits an event through the host's event bus (the Redis one when REDIS_URL
 * is set), as a redelivery after a crash would bring it again:
 *   npx medusa exec ./dev/scripts/emit-event.js order.placed '{"id":"order_…"}' [times]
 * With `times` > 1 the copies go out in one batch, so workers handle them
 * side by side. For the production-profile tests
 * (integration-tests/production/multi-process.spec.ts).
 */
export default async function emitEvent({ container, args }: ExecArgs) {
  const [name, json, times = "1"] = args
  if (!name || !json) {
    throw new Error("Usage: medusa exec ./dev/scripts/emit-event.js <event name> '<json data>' [times]")
  }
  const data = JSON.parse(json)
  const count = Math.max(1, Math.min(Number(times) || 1, 100))
  await container.resolve(Modules.EVENT_BUS).emit(Array.from({ length: count }, () => ({ name, data })))
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Emitted ${name} ${count} time(s): ${json}`)
}
