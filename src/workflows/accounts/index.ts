export * from "./workflows/issue-account-link"
export * from "./workflows/verify-partner-email"
export * from "./workflows/accept-partner-invitation"
export * from "./workflows/accept-partner-terms"
