import { changeStatusRoute } from "../change-status"

export const POST = changeStatusRoute("reject")
