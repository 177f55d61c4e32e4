import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { AuditActor } from "../../types"

/** The admin user making a request, as the audit log names them. */
export function adminActor(req: AuthenticatedMedusaRequest): AuditActor {
  return { actor_type: "user", actor_id: req.auth_context.actor_id }
}
