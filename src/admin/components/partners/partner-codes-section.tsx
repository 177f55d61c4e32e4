import { EllipsisHorizontal, Plus } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DatePicker,
  Drawer,
  DropdownMenu,
  Heading,
  IconButton,
  Input,
  Select,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  type ReferralCode,
  useCreateCode,
  usePartnerCodes,
  usePromotions,
  usePromotionSearch,
  useUpdateCode,
} from "../../hooks/api/partners"
import { errorMessage, toastError } from "../../lib/errors"
import { fieldErrors } from "../../lib/field-errors"
import { formatDate } from "../../lib/format"
import { TableMessageRow } from "../table-message-row"
import { FormField } from "./form-field"

const CODE_FIELDS = ["code", "aliases", "expires_at", "promotion_id"]

function codeState(code: ReferralCode) {
  if (!code.is_active) return { label: "Disabled", color: "grey" as const }
  if (code.expires_at && new Date(code.expires_at) <= new Date()) return { label: "Expired", color: "orange" as const }
  return { label: "Active", color: "green" as const }
}

const CreateCodeDrawer = ({ partnerId }: { partnerId: string }) => {
  const [open, setOpen] = useState(false)
  const [code, setCode] = useState("")
  const [aliases, setAliases] = useState("")
  const [expiresAt, setExpiresAt] = useState<Date | null>(null)
  const [promotionId, setPromotionId] = useState("none")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { data: promotions } = usePromotionSearch("")
  const create = useCreateCode(partnerId)

  const reset = () => {
    setCode("")
    setAliases("")
    setExpiresAt(null)
    setPromotionId("none")
    setErrors({})
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    const aliasList = aliases
      .split(/[\s,]+/)
      .map((alias) => alias.trim())
      .filter(Boolean)
    create.mutate(
      {
        code: code.trim(),
        ...(aliasList.length ? { aliases: aliasList } : {}),
        ...(expiresAt ? { expires_at: expiresAt.toISOString() } : {}),
        ...(promotionId !== "none" ? { promotion_id: promotionId } : {}),
      },
      {
        onSuccess: ({ referral_code }) => {
          toast.success(`Code ${referral_code.code} created`)
          setOpen(false)
          reset()
        },
        onError: (error) => {
          const { form: rest, ...byField } = fieldErrors(error, CODE_FIELDS)
          // "each alias must be …" and a taken alias name the aliases.
          if (rest && /alias/i.test(rest)) byField.aliases = rest
          else if (rest) toast.error(rest)
          setErrors(byField)
          if (!rest || /alias/i.test(rest)) toast.error("Check the highlighted fields")
        },
      }
    )
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <Plus />
          Create code
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form noValidate onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Create referral code</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <FormField id="code-code" label="Code" hint="What shoppers type at checkout: 3-32 letters, digits, - or _." error={errors.code}>
              <Input id="code-code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
            </FormField>
            <FormField
              id="code-aliases"
              label="Aliases"
              optional
              hint="Other spellings that resolve to this code, separated by commas."
              error={errors.aliases}
            >
              <Input id="code-aliases" value={aliases} onChange={(e) => setAliases(e.target.value.toUpperCase())} />
            </FormField>
            <FormField id="code-expires" label="Expires" optional error={errors.expires_at}>
              <DatePicker aria-label="Expires" value={expiresAt} onChange={setExpiresAt} />
            </FormField>
            <FormField
              id="code-promotion"
              label="Linked promotion"
              optional
              hint="A Medusa promotion applied to the cart with the code (the shopper's incentive)."
              error={errors.promotion_id}
            >
              <Select value={promotionId} onValueChange={setPromotionId}>
                <Select.Trigger id="code-promotion">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="none">None</Select.Item>
                  {promotions?.promotions.map((promotion) => (
                    <Select.Item key={promotion.id} value={promotion.id}>
                      {promotion.code}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending}>
              Create
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

const CodeActions = ({ code }: { code: ReferralCode }) => {
  const prompt = usePrompt()
  const update = useUpdateCode()
  const run = async (body: Record<string, unknown>, confirm: { title: string; description: string } | null, done: string) => {
    if (confirm && !(await prompt({ ...confirm, confirmText: "Continue", cancelText: "Cancel" }))) return
    update.mutate({ id: code.id, ...body }, { onSuccess: () => toast.success(done), onError: toastError })
  }
  const expired = !!code.expires_at && new Date(code.expires_at) <= new Date()
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={`Actions for ${code.code}`}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {code.is_active ? (
          <DropdownMenu.Item
            onClick={() =>
              run(
                { is_active: false },
                { title: `Disable ${code.code}?`, description: "Shoppers can no longer use it, nor its aliases and links, until it is enabled again." },
                `Code ${code.code} disabled`
              )
            }
          >
            Disable
          </DropdownMenu.Item>
        ) : (
          <DropdownMenu.Item onClick={() => run({ is_active: true }, null, `Code ${code.code} enabled`)}>Enable</DropdownMenu.Item>
        )}
        {expired ? (
          <DropdownMenu.Item onClick={() => run({ expires_at: null }, null, `Code ${code.code} no longer expires`)}>
            Remove expiry
          </DropdownMenu.Item>
        ) : (
          <DropdownMenu.Item
            onClick={() =>
              run(
                { expires_at: new Date().toISOString() },
                { title: `Expire ${code.code} now?`, description: "The code stops working at once. Its orders and commissions are kept." },
                `Code ${code.code} expired`
              )
            }
          >
            Expire now
          </DropdownMenu.Item>
        )}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** The partner's codes with their aliases and linked promotion: create, disable, expire (C4). */
export const PartnerCodesSection = ({ partnerId }: { partnerId: string }) => {
  const { data, isLoading, error } = usePartnerCodes(partnerId)
  const codes = data?.referral_codes ?? []
  const primaries = codes.filter((code) => !code.alias_of_id)
  const aliasesOf = useMemo(() => {
    const map = new Map<string, string[]>()
    for (const code of codes) {
      if (code.alias_of_id) map.set(code.alias_of_id, [...(map.get(code.alias_of_id) ?? []), code.code])
    }
    return map
  }, [codes])
  const promotionIds = [...new Set(primaries.map((code) => code.promotion_id).filter((id): id is string => !!id))]
  const { data: promotions } = usePromotions(promotionIds)
  const promotionCode = (id: string) => promotions?.promotions.find((p) => p.id === id)?.code ?? id

  return (
    <Container className="divide-y p-0" data-testid="partner-codes">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Referral codes</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What shoppers type at checkout, with aliases and the promotion each applies.
          </Text>
        </div>
        <CreateCodeDrawer partnerId={partnerId} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Code</Table.HeaderCell>
            <Table.HeaderCell>Aliases</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Expires</Table.HeaderCell>
            <Table.HeaderCell>Promotion</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {isLoading && <TableMessageRow colSpan={6}>Loading…</TableMessageRow>}
          {error && <TableMessageRow colSpan={6}>{errorMessage(error)}</TableMessageRow>}
          {!isLoading && !error && !primaries.length && (
            <TableMessageRow colSpan={6}>No codes yet. Approving a partner without one generates one from the name.</TableMessageRow>
          )}
          {primaries.map((code) => {
            const state = codeState(code)
            return (
              <Table.Row key={code.id}>
                <Table.Cell className="font-mono">{code.code}</Table.Cell>
                <Table.Cell>{aliasesOf.get(code.id)?.join(", ") ?? "—"}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={state.color}>
                    {state.label}
                  </Badge>
                </Table.Cell>
                <Table.Cell>{code.expires_at ? formatDate(code.expires_at) : "Never"}</Table.Cell>
                <Table.Cell>{code.promotion_id ? promotionCode(code.promotion_id) : "—"}</Table.Cell>
                <Table.Cell className="text-right">
                  <CodeActions code={code} />
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </Container>
  )
}
