export * from "./affiliates"
export * from "./commissions"
export * from "./payouts"
export * from "./referrals"
