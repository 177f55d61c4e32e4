import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { CommissionRule, useRules } from "../../hooks/api/rules"
import { CreateRuleModal, EditRuleDrawer, RulesTable } from "./rule-modals"

/**
 * The partner page's own commission rules: their rate overrides (partner
 * rules) and partner + product rules, with the Rules page's form and table.
 */
export const AffiliateRulesSection = ({ affiliateId }: { affiliateId: string }) => {
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<CommissionRule | null>(null)
  const { data, isLoading, error } = useRules({ affiliate_id: affiliateId, limit: 100, offset: 0 })
  return (
    <Container className="divide-y p-0" data-testid="affiliate-rules-section">
      <div className="flex items-start justify-between px-6 py-4">
        <div>
          <Heading level="h2">Commission rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            This partner's own rates. They win over product and program rules; a partner + product rule wins over
            everything.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          Add rule
        </Button>
      </div>
      <RulesTable
        rules={data?.commission_rules}
        isLoading={isLoading}
        error={error}
        emptyText="No rules of their own: the product and program rules apply."
        onEdit={setEditing}
        showPartner={false}
      />
      <CreateRuleModal open={creating} onOpenChange={setCreating} lockedAffiliateId={affiliateId} />
      <EditRuleDrawer rule={editing} onClose={() => setEditing(null)} />
    </Container>
  )
}
