import type { MiddlewareRoute } from "@medusajs/framework/http"
import { servePortal } from "./serve-portal"

/**
 * The partner portal's files. Medusa registers a middleware without
 * `method` with `app.use(matcher)` (framework/dist/http/router.js), so it
 * runs for paths with no route file; the matcher is "/" because the mount
 * path is a plugin option only known at request time.
 */
export const portalMiddlewares: MiddlewareRoute[] = [{ matcher: "/", middlewares: [servePortal] }]
