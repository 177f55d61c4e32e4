import { EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Drawer,
  DropdownMenu,
  FocusModal,
  Heading,
  IconButton,
  StatusBadge,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useId } from "react"
import { TableMessageRow } from "../table-message-row"
import {
  CommissionRule,
  useCreateRule,
  useDeleteRule,
  useNames,
  useUpdateRule,
} from "../../hooks/api/rules"
import { errorMessage, toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { KIND_LABELS, levelLabel, RuleForm, SCOPE_LABELS } from "./rule-form"

/** Creating a rule: a focus modal with the rule form. */
export function CreateRuleModal({
  open,
  onOpenChange,
  lockedAffiliateId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  lockedAffiliateId?: string
}) {
  const formId = `create-rule-${useId().replace(/:/g, "")}`
  const create = useCreateRule()
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading>Create a commission rule</Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex justify-center overflow-y-auto px-6 py-10">
          <div className="w-full max-w-[720px]">
            {open && (
              <RuleForm
                formId={formId}
                lockedAffiliateId={lockedAffiliateId}
                onSubmit={async (body) => {
                  await create.mutateAsync(body)
                  toast.success("Rule created")
                  onOpenChange(false)
                }}
              />
            )}
          </div>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button size="small" type="submit" form={formId} isLoading={create.isPending}>
              Create rule
            </Button>
          </div>
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}

/** Editing a rule: a drawer with the same form. */
export function EditRuleDrawer({ rule, onClose }: { rule: CommissionRule | null; onClose: () => void }) {
  const formId = `edit-rule-${useId().replace(/:/g, "")}`
  const update = useUpdateRule(rule?.id ?? "")
  return (
    <Drawer open={!!rule} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-[640px]">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Edit rule</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          {rule && (
            <RuleForm
              formId={formId}
              rule={rule}
              onSubmit={async (body) => {
                await update.mutateAsync(body)
                toast.success("Rule saved")
                onClose()
              }}
            />
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form={formId} isLoading={update.isPending}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** What a rule pays, in a few words: "15%", "$5.00 · €4.50 per order", "25% → 35% from 10 orders". */
export function describePayment(rule: CommissionRule) {
  if (rule.excluded) return "Excluded: earns nothing"
  if (rule.kind === "percent") {
    const tiers = (rule.tiers ?? [])
      .slice()
      .sort((a, b) => a.threshold - b.threshold)
      .map((tier) => `${tier.rate}% from ${rule.tier_metric === "revenue" ? tier.threshold : `${tier.threshold} orders`}`)
    return [`${rule.rate ?? "—"}%`, ...tiers].join(" → ")
  }
  const amounts = Object.entries(rule.amounts ?? {}).map(([currency, amount]) => formatMoney(amount, currency))
  return `${amounts.join(" · ") || "—"} ${rule.kind === "fixed_order" ? "per order" : "per lead"}`
}

function describeConditions(rule: CommissionRule) {
  const parts = [rule.window_days == null ? "for life" : `${rule.window_days} days`]
  if (rule.first_order_only) parts.push("first order only")
  if (rule.new_customers_only) parts.push("new customers only")
  return parts.join(", ")
}

/**
 * The rules table (Rules page and partner page): scope, who and what, what it
 * pays, level, window, status, and edit / disable / delete per row.
 */
export function RulesTable({
  rules,
  isLoading,
  error,
  emptyText,
  onEdit,
  showPartner = true,
}: {
  rules: CommissionRule[] | undefined
  isLoading: boolean
  error: unknown
  emptyText: string
  onEdit: (rule: CommissionRule) => void
  showPartner?: boolean
}) {
  const products = useNames("products", (rules ?? []).flatMap((rule) => (rule.product_id ? [rule.product_id] : [])))
  const partners = useNames("affiliates", (rules ?? []).flatMap((rule) => (rule.affiliate_id ? [rule.affiliate_id] : [])))
  const columns = showPartner ? 8 : 7
  return (
    <Table data-testid="rules-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Scope</Table.HeaderCell>
          {showPartner && <Table.HeaderCell>Partner</Table.HeaderCell>}
          <Table.HeaderCell>Product</Table.HeaderCell>
          <Table.HeaderCell>Pays</Table.HeaderCell>
          <Table.HeaderCell>Level</Table.HeaderCell>
          <Table.HeaderCell>Window</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {isLoading && <TableMessageRow colSpan={columns}>Loading…</TableMessageRow>}
        {!isLoading && !!error && (
          <TableMessageRow colSpan={columns}>
            <span className="text-ui-fg-error">{errorMessage(error)}</span>
          </TableMessageRow>
        )}
        {!isLoading && !error && !rules?.length && <TableMessageRow colSpan={columns}>{emptyText}</TableMessageRow>}
        {rules?.map((rule) => (
          <Table.Row key={rule.id} data-testid={`rule-${rule.id}`}>
            <Table.Cell>
              <div className="flex flex-col">
                <Badge size="2xsmall" className="self-start">
                  {SCOPE_LABELS[rule.scope]}
                </Badge>
                {rule.name && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {rule.name}
                  </Text>
                )}
              </div>
            </Table.Cell>
            {showPartner && (
              <Table.Cell>{rule.affiliate_id ? partners.data?.get(rule.affiliate_id)?.label ?? rule.affiliate_id : "All partners"}</Table.Cell>
            )}
            <Table.Cell>{rule.product_id ? products.data?.get(rule.product_id)?.label ?? rule.product_id : "All products"}</Table.Cell>
            <Table.Cell>
              <div className="flex flex-col">
                <span>{describePayment(rule)}</span>
                {!rule.excluded && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {KIND_LABELS[rule.kind]}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell>{levelLabel(rule.level)}</Table.Cell>
            <Table.Cell>{describeConditions(rule)}</Table.Cell>
            <Table.Cell>
              <StatusBadge color={rule.is_active ? "green" : "grey"}>{rule.is_active ? "Active" : "Disabled"}</StatusBadge>
            </Table.Cell>
            <Table.Cell className="text-right">
              <RuleActions rule={rule} onEdit={() => onEdit(rule)} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function RuleActions({ rule, onEdit }: { rule: CommissionRule; onEdit: () => void }) {
  const prompt = usePrompt()
  const update = useUpdateRule(rule.id)
  const remove = useDeleteRule()

  const toggle = async () => {
    if (rule.is_active) {
      const confirmed = await prompt({
        title: "Disable this rule?",
        description: "New orders stop earning from it; the next rule in precedence applies instead. Lines already credited keep their amount.",
        confirmText: "Disable",
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    // mutateAsync: the row may re-render away once the list refetches; the toast must still show.
    try {
      await update.mutateAsync({ is_active: !rule.is_active })
      toast.success(rule.is_active ? "Rule disabled" : "Rule enabled")
    } catch (error) {
      toastError(error)
    }
  }

  const destroy = async () => {
    const confirmed = await prompt({
      title: "Delete this rule?",
      description: "This can't be undone. New orders fall back to the next rule in precedence; lines already credited keep their amount.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(rule.id)
      toast.success("Rule deleted")
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label="Rule actions">
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item className="gap-x-2" onClick={onEdit}>
          <PencilSquare className="text-ui-fg-subtle" />
          Edit
        </DropdownMenu.Item>
        <DropdownMenu.Item className="gap-x-2" onClick={toggle}>
          {rule.is_active ? "Disable" : "Enable"}
        </DropdownMenu.Item>
        <DropdownMenu.Separator />
        <DropdownMenu.Item className="gap-x-2" onClick={destroy}>
          <Trash className="text-ui-fg-subtle" />
          Delete
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
