import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountTokenKind, AuditActor } from "../../../types"
import { issueAccountLinkStep } from "../steps/issue-account-link"

export const issueAccountLinkWorkflowId = "issue-affiliate-account-link"

export type IssueAccountLinkInput = {
  affiliate_id: string
  kind: AccountTokenKind
  /** The clock (tests pass their own). */
  now: Date
  /** Who sent it (an admin's invitation is audited). */
  actor?: AuditActor
}

/**
 * This workflow issues a partner a new verification link or invitation; the
 * older unused ones of that kind stop working. The caller emails the link
 * (`sendPartnerEmail`), so a mail failure never undoes it: the partner can ask again.
 */
export const issueAccountLinkWorkflow = createWorkflow(issueAccountLinkWorkflowId, (input: IssueAccountLinkInput) => {
  return new WorkflowResponse(issueAccountLinkStep(input))
})
