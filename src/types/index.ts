/**
 * The plugin's public types: what routes, workflows, subscribers and a store's
 * own code may rely on. The module's internals import from here too, so there
 * is one definition of each.
 */
export * from "./audit"
export * from "./events"
export * from "./admin-changes"
export * from "./affiliate"
export * from "./ledger"
export * from "./tracking"
export * from "./service"
export * from "./payout-provider"
export * from "./creatives"
export * from "./portal"
export * from "./accounts"
