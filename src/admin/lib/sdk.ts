import Medusa from "@medusajs/js-sdk"

/** The one client the admin extensions use; the dashboard's session authenticates it. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
