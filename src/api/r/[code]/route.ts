import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redirectToStore } from "../redirect"

/** `/r/CODE`: the code's own link. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await redirectToStore(req, res, null)
}
