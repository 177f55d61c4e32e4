export * from "./workflows/creatives"
export * from "./workflows/set-product-affiliate-program"
export { planProductExclusion, EXCLUSION_RULE_NAME } from "./steps/plan-product-exclusion"
