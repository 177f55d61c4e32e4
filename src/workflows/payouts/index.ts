export * from "./workflows/create-payout"
