export * from "./workflows/apply-cart-referral"
export * from "./workflows/remove-cart-referral"
