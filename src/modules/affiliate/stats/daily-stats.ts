/**
 * The report read model's writers, split by job: the click roll-up
 * (`click-rollup.ts`), the refresh of sales figures (`sales-refresh.ts`), the
 * rebuild from the raw rows (`rebuild.ts`) and the click retention purge
 * (`purge.ts`), over the tables and lock of `read-model.ts` and the daily and
 * monthly roll-ups of `rollups.ts`. Every write runs under one
 * transaction-level advisory lock (`LOCK`).
 */
export { rollUpClicks } from "./click-rollup"
export { refreshSalesStats } from "./sales-refresh"
export { rebuildDailyStats } from "./rebuild"
export { purgeClicks } from "./purge"
