import { setStatusRoute } from "../../set-status"

export const POST = setStatusRoute("reject")
