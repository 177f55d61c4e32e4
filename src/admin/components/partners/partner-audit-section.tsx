import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { type AuditEntry, usePartnerAudit } from "../../hooks/api/partners"
import { errorMessage } from "../../lib/errors"

const PAGE = 10

const ACTIONS: Record<string, string> = {
  "affiliate.created": "Partner created",
  "affiliate.updated": "Profile changed",
  "affiliate.status_changed": "Status changed",
  "affiliate.invited": "Invited to the portal",
  "affiliate.deleted": "Creation undone",
  "payout_details.changed": "Payout details changed",
  "commission.approved": "Commission approved",
  "commission.rejected": "Commission rejected",
  "commission.held": "Commission held",
  "commission.released": "Commission released",
  "adjustment.created": "Adjustment",
  "bonus.created": "Bonus",
  "payout.created": "Payout created",
  "payout.status_changed": "Payout status changed",
  "rule.created": "Rule created",
  "rule.updated": "Rule changed",
  "rule.deleted": "Rule deleted",
}

/** What changed, in a few words: the changed fields, or a status move. */
function summary(entry: AuditEntry): string | null {
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  if (entry.action === "affiliate.status_changed" && after.status) {
    return `${before.status ?? "—"} → ${after.status}`
  }
  if (entry.action === "affiliate.updated") {
    const fields = Object.keys(after).filter((key) => key !== "updated_at")
    return fields.length ? fields.join(", ").replace(/_/g, " ") : null
  }
  return null
}

const actor = (entry: AuditEntry) =>
  entry.actor_type === "user" ? "Admin" : entry.actor_type === "affiliate" ? "The partner" : "System"

/** The partner's trail in the audit log, newest first, like the activity on Medusa's order page. */
export const PartnerAuditSection = ({ partnerId }: { partnerId: string }) => {
  const [limit, setLimit] = useState(PAGE)
  const { data, isLoading, error, isFetching } = usePartnerAudit(partnerId, limit)
  const entries = data?.audit_entries ?? []
  return (
    <Container className="divide-y p-0" data-testid="partner-audit">
      <Heading level="h2" className="px-6 py-4">
        Audit trail
      </Heading>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {isLoading && <Text size="small">Loading…</Text>}
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(error)}
          </Text>
        )}
        {!isLoading && !error && !entries.length && (
          <Text size="small" className="text-ui-fg-subtle">
            Nothing recorded yet.
          </Text>
        )}
        {entries.map((entry) => (
          <div key={entry.id} className="grid grid-cols-[12px_1fr] gap-x-3">
            <div className="bg-ui-tag-neutral-icon mt-1.5 size-2 rounded-full" />
            <div>
              <div className="flex items-baseline justify-between gap-x-2">
                <Text size="small" weight="plus">
                  {ACTIONS[entry.action] ?? entry.action}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                  {new Date(entry.created_at).toLocaleString()}
                </Text>
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {[actor(entry), summary(entry)].filter(Boolean).join(" · ")}
              </Text>
              {entry.reason && (
                <Text size="small" className="text-ui-fg-subtle italic">
                  “{entry.reason}”
                </Text>
              )}
            </div>
          </div>
        ))}
        {data && data.count > entries.length && (
          <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => setLimit(limit + PAGE * 2)}>
            Show more ({data.count - entries.length})
          </Button>
        )}
      </div>
    </Container>
  )
}
