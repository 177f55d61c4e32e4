/**
 * The affiliate module's own operations (beside the generated CRUD of its
 * data models): what the service implements and what workflows, routes and a
 * store's code may call. Every write to the commission ledger is one of the
 * ledger methods below, in one transaction; each inverse (`undo…`, `revert…`,
 * `restore…`) is what a workflow's compensation calls.
 */
import type { BigNumberInput, Context } from "@medusajs/framework/types"
import type { AffiliateOptions } from "../modules/affiliate/options"
import type { ProgramSettings, ProgramSettingsPatch } from "../modules/affiliate/settings"
import type { BalanceFilters, BalanceListFilters } from "../modules/affiliate/ledger/balances"
import type { ReportFilters, ReportGroup, ReportRow } from "../modules/affiliate/stats/reports"
import type { CodeRefusal } from "../modules/affiliate/utils/code-refusal"
import type { CommissionRule } from "../modules/affiliate/utils/commission-rules"
import type {
  AccrualUndo,
  AccrueOrderInput,
  AdjustOrderLinesOptions,
  AffiliateBalance,
  ChangeLinesStatusOptions,
  CreateManualLinesInput,
  LeadUndo,
  LineStatusAction,
  LineStatusChange,
  LineStatusSnapshot,
  OrderAccrual,
  OrderCursor,
  RecordedLead,
  RecordLeadInput,
  RefundShareInput,
  ReverseLinesOptions,
  WrittenLine,
} from "./ledger"
import type { AuditActor } from "./audit"
import type { AuditedUpdate, RecordSnapshot } from "./admin-changes"
import type {
  CreativeDTO,
  PortalCreativeFilters,
  ProductParticipationDTO,
  SavedProductParticipation,
  SaveProductParticipationInput,
} from "./creatives"
import type {
  AccountTokenKind,
  InvitationPreview,
  IssuedAccountLink,
  PartnerAlert,
  TermsAcceptance,
  TermsVersion,
  UsedAccountLink,
} from "./accounts"
import type { RecordClickInput, RecordedClick, ReferralLinkDTO, ResolvedCode } from "./tracking"
import type {
  PortalCodeRow,
  PortalCustomerRow,
  PortalLineFilters,
  PortalLineRow,
  PortalPage,
  PortalPayoutRow,
} from "./portal"

export interface IAffiliateModuleService {
  getOptions(): AffiliateOptions
  getProgramSettings(sharedContext?: Context): Promise<ProgramSettings>
  getStoredProgramSettings(sharedContext?: Context): Promise<ProgramSettingsPatch>

  // Tracking: codes, links, clicks.
  resolveCode(code: string, options?: { fresh?: boolean }, sharedContext?: Context): Promise<ResolvedCode | null>
  codeRefusal(resolved: ResolvedCode, options?: { now?: Date; sales_channel_id?: string | null }): CodeRefusal | null
  resolveLink(codeId: string, subId: string | null, sharedContext?: Context): Promise<ReferralLinkDTO | null>
  recordClick(input: RecordClickInput, sharedContext?: Context): Promise<RecordedClick>
  clearCodeCache(): void

  // The ledger: every write, and its inverse.
  accrueOrder(input: AccrueOrderInput, sharedContext?: Context): Promise<OrderAccrual>
  undoOrderAccrual(undo: AccrualUndo, sharedContext?: Context): Promise<void>
  recordLead(input: RecordLeadInput, sharedContext?: Context): Promise<RecordedLead>
  undoLead(undo: LeadUndo, sharedContext?: Context): Promise<void>
  markOrderPaid(orderId: string, paidAt: Date, sharedContext?: Context): Promise<string[]>
  unmarkLinesPaid(ids: string[], sharedContext?: Context): Promise<void>
  approveDueLines(now: Date, sharedContext?: Context): Promise<WrittenLine[]>
  revertApproval(ids: string[], sharedContext?: Context): Promise<void>
  changeLinesStatus(
    ids: string[],
    action: LineStatusAction,
    options: ChangeLinesStatusOptions,
    sharedContext?: Context
  ): Promise<LineStatusChange>
  restoreLinesStatus(snapshots: LineStatusSnapshot[], sharedContext?: Context): Promise<void>
  createManualLines(input: CreateManualLinesInput, sharedContext?: Context): Promise<WrittenLine[]>
  reverseOrderLines(orderId: string, options: ReverseLinesOptions, sharedContext?: Context): Promise<WrittenLine[]>
  reverseRefundedShare(input: RefundShareInput, sharedContext?: Context): Promise<WrittenLine[]>
  adjustOrderLines(
    orderId: string,
    targets: Record<string, BigNumberInput>,
    options: AdjustOrderLinesOptions,
    sharedContext?: Context
  ): Promise<WrittenLine[]>
  writeOffNegativeBalances(period: string, sharedContext?: Context): Promise<WrittenLine[]>
  undoLines(ids: string[], sharedContext?: Context): Promise<void>

  // Reconciliation.
  listUnaccruedOrderIds(since: Date, options?: { limit?: number }, sharedContext?: Context): Promise<string[]>
  listOrdersWithOutstandingCommission(
    since: Date,
    options?: { after?: OrderCursor | null; limit?: number },
    sharedContext?: Context
  ): Promise<(OrderCursor & { priced_version: number | null })[]>

  // Rules and fraud signals.
  listApplicableRules(
    filters: { affiliate_ids: string[]; product_ids: string[] },
    sharedContext?: Context
  ): Promise<CommissionRule[]>
  affiliatePerformance(
    affiliateId: string,
    since: Date | null,
    sharedContext?: Context
  ): Promise<{ paid_orders: number; revenue: string }>
  clicksFromSameIp(clickId: string, since: Date, sharedContext?: Context): Promise<number>
  affiliateConversion(affiliateId: string, since: Date, sharedContext?: Context): Promise<{ clicks: number; orders: number }>

  // Balances and reports.
  listBalances(filters?: BalanceFilters, sharedContext?: Context): Promise<AffiliateBalance[]>
  listBalancesOfAll(filters?: BalanceListFilters, sharedContext?: Context): Promise<AffiliateBalance[]>
  refreshStats(options?: { overlap?: boolean }, sharedContext?: Context): Promise<number>
  report(group: ReportGroup, filters: ReportFilters, sharedContext?: Context): Promise<ReportRow[]>
  reportTotals(filters: ReportFilters, sharedContext?: Context): Promise<Omit<ReportRow, "key">>

  // Creatives (G8) and product participation (D8), each change with its audit entry.
  createCreativesAudited(data: Record<string, unknown>[], actor: AuditActor, sharedContext?: Context): Promise<any[]>
  updateCreativesAudited(
    data: RecordSnapshot[],
    actor: AuditActor,
    reason?: string | null,
    sharedContext?: Context
  ): Promise<AuditedUpdate<any>>
  deleteCreativesAudited(ids: string[], actor: AuditActor, reason?: string | null, sharedContext?: Context): Promise<void>
  restoreCreativesAudited(ids: string[], actor: AuditActor, reason: string | null, sharedContext?: Context): Promise<void>
  /** What the partner portal lists: active creatives, general or of products not hidden from partners. */
  listPortalCreatives(filters?: PortalCreativeFilters, sharedContext?: Context): Promise<CreativeDTO[]>
  listProductParticipation(productIds: string[], sharedContext?: Context): Promise<ProductParticipationDTO[]>
  saveProductParticipation(
    input: SaveProductParticipationInput,
    actor: AuditActor,
    reason?: string | null,
    sharedContext?: Context
  ): Promise<SavedProductParticipation>

  // Partner portal reads (issue 12): each of one partner's own rows, by its first argument.
  listPartnerLines(
    affiliateId: string,
    filters: PortalLineFilters,
    page: PortalPage,
    options?: { oldestFirst?: boolean },
    sharedContext?: Context
  ): Promise<{ rows: PortalLineRow[]; count: number }>
  listPartnerCustomers(affiliateId: string, page: PortalPage, sharedContext?: Context): Promise<{ rows: PortalCustomerRow[]; count: number }>
  listPartnerPayouts(
    affiliateId: string,
    filters: { status?: string[] },
    page: PortalPage,
    sharedContext?: Context
  ): Promise<{ rows: PortalPayoutRow[]; count: number }>
  retrievePartnerPayout(affiliateId: string, payoutId: string, sharedContext?: Context): Promise<PortalPayoutRow | null>
  listPartnerCodes(affiliateId: string, sharedContext?: Context): Promise<PortalCodeRow[]>
  listProductsNotOffered(sharedContext?: Context): Promise<string[]>
  // Partner accounts (issue 12): one-time links, terms, alerts. Time-dependent methods take `now`.
  retrieveTermsInForce(now?: Date, sharedContext?: Context): Promise<TermsVersion | null>
  issueAccountLink(input: { affiliate_id: string; kind: AccountTokenKind; now: Date; actor?: AuditActor }, sharedContext?: Context): Promise<IssuedAccountLink>
  undoIssuedAccountLink(
    issued: { token_id: string; affiliate_id: string; kind: AccountTokenKind; previous_invited_at: Date | null },
    now: Date,
    sharedContext?: Context
  ): Promise<void>
  useAccountLink(input: { token: string; kind: AccountTokenKind; now: Date }, sharedContext?: Context): Promise<UsedAccountLink>
  undoAccountLink(used: Omit<UsedAccountLink, "affiliate"> & { affiliate_id: string }, sharedContext?: Context): Promise<void>
  previewInvitation(token: string, now: Date, sharedContext?: Context): Promise<InvitationPreview | null>
  verificationLinkOwner(token: string, now: Date, sharedContext?: Context): Promise<string | null>
  acceptTerms(
    input: { affiliate_id: string; version: number; now: Date },
    sharedContext?: Context
  ): Promise<TermsAcceptance>
  listPartnerAlerts(affiliateId: string, now?: Date, sharedContext?: Context): Promise<PartnerAlert[]>
}
