import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redirectToStore } from "../../redirect"

/** `/r/CODE/SUBID`: one of the affiliate's channels (C8). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await redirectToStore(req, res, String(req.params.sub_id).slice(0, 128))
}
