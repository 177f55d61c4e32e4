import { EllipsisHorizontal, Plus } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
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
import { useState } from "react"
import { type ReferralLink, useCreateLink, useDeleteLink, usePartnerCodes, usePartnerLinks, useUpdateLink } from "../../hooks/api/partners"
import { errorMessage, toastError } from "../../lib/errors"
import { fieldErrors } from "../../lib/field-errors"
import { TableMessageRow } from "../table-message-row"
import { FormField } from "./form-field"

const LINK_FIELDS = ["code_id", "sub_id", "name", "target_url", "utm_source", "utm_medium", "utm_campaign"]

/** The server's own origin: redirect links live on the Medusa server (`/r/CODE/SUBID`). */
const serverUrl = (path: string) => `${window.location.origin}${path}`

const CreateLinkDrawer = ({ partnerId }: { partnerId: string }) => {
  const [open, setOpen] = useState(false)
  const empty = { code_id: "first", sub_id: "", name: "", target_url: "", utm_source: "", utm_medium: "", utm_campaign: "" }
  const [draft, setDraft] = useState(empty)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { data: codes } = usePartnerCodes(partnerId)
  const create = useCreateLink(partnerId)
  const set = (key: keyof typeof empty, value: string) => setDraft({ ...draft, [key]: value })

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    const body = Object.fromEntries(
      Object.entries(draft).filter(([key, value]) => value.trim() && !(key === "code_id" && value === "first")).map(([k, v]) => [k, v.trim()])
    )
    create.mutate(body, {
      onSuccess: ({ referral_link }) => {
        toast.success(`Link ${referral_link.path} created`)
        setOpen(false)
        setDraft(empty)
      },
      onError: (error) => {
        const { form: rest, ...byField } = fieldErrors(error, LINK_FIELDS)
        setErrors(byField)
        toast.error(rest ?? "Check the highlighted fields")
      },
    })
  }

  const text = (key: keyof typeof empty, label: string, hint?: string) => (
    <FormField id={`link-${key}`} label={label} optional hint={hint} error={errors[key]}>
      <Input id={`link-${key}`} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
    </FormField>
  )

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          setDraft(empty)
          setErrors({})
        }
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <Plus />
          Create link
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form noValidate onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Create referral link</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <FormField id="link-code_id" label="Code" error={errors.code_id}>
              <Select value={draft.code_id} onValueChange={(value) => set("code_id", value)}>
                <Select.Trigger id="link-code_id">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="first">The first active code</Select.Item>
                  {codes?.referral_codes
                    .filter((code) => !code.alias_of_id)
                    .map((code) => (
                      <Select.Item key={code.id} value={code.id}>
                        {code.code}
                      </Select.Item>
                    ))}
                </Select.Content>
              </Select>
            </FormField>
            {text("sub_id", "Sub-id", "Tells a partner's placements apart: /r/CODE/SUBID.")}
            {text("name", "Name")}
            {text("target_url", "Target page", "A path on the store (/products/shirt) or a URL on its domain.")}
            {text("utm_source", "UTM source")}
            {text("utm_medium", "UTM medium")}
            {text("utm_campaign", "UTM campaign")}
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

const LinkActions = ({ link }: { link: ReferralLink }) => {
  const prompt = usePrompt()
  const update = useUpdateLink()
  const remove = useDeleteLink()
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={`Actions for ${link.path}`}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item
          onClick={() =>
            navigator.clipboard
              ?.writeText(serverUrl(link.path))
              .then(() => toast.success("Link copied"))
              .catch(toastError)
          }
        >
          Copy URL
        </DropdownMenu.Item>
        <DropdownMenu.Item
          onClick={() =>
            update.mutate(
              { id: link.id, is_active: !link.is_active },
              { onSuccess: () => toast.success(link.is_active ? "Link disabled" : "Link enabled"), onError: toastError }
            )
          }
        >
          {link.is_active ? "Disable" : "Enable"}
        </DropdownMenu.Item>
        <DropdownMenu.Item
          className="text-ui-fg-error"
          onClick={async () => {
            const ok = await prompt({
              title: `Delete ${link.path}?`,
              description: "Visitors following it land on the store without a referral. Clicks already recorded are kept.",
              confirmText: "Delete",
              cancelText: "Cancel",
            })
            if (ok) remove.mutate(link.id, { onSuccess: () => toast.success("Link deleted"), onError: toastError })
          }}
        >
          Delete
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** The partner's redirect links and sub-ids (C1, C8). */
export const PartnerLinksSection = ({ partnerId }: { partnerId: string }) => {
  const { data, isLoading, error } = usePartnerLinks(partnerId)
  const links = data?.referral_links ?? []
  return (
    <Container className="divide-y p-0" data-testid="partner-links">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Links</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Short redirect links to a page of the store, one per sub-id.
          </Text>
        </div>
        <CreateLinkDrawer partnerId={partnerId} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Link</Table.HeaderCell>
            <Table.HeaderCell>Sub-id</Table.HeaderCell>
            <Table.HeaderCell>Target</Table.HeaderCell>
            <Table.HeaderCell>Campaign</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {isLoading && <TableMessageRow colSpan={6}>Loading…</TableMessageRow>}
          {error && <TableMessageRow colSpan={6}>{errorMessage(error)}</TableMessageRow>}
          {!isLoading && !error && !links.length && <TableMessageRow colSpan={6}>No links yet.</TableMessageRow>}
          {links.map((link) => (
            <Table.Row key={link.id}>
              <Table.Cell className="font-mono">
                {link.path}
                {link.name ? <span className="text-ui-fg-subtle font-sans"> · {link.name}</span> : null}
              </Table.Cell>
              <Table.Cell>{link.sub_id ?? "—"}</Table.Cell>
              <Table.Cell className="max-w-[200px] truncate">{link.target_url ?? "Home page"}</Table.Cell>
              <Table.Cell>{link.utm_campaign ?? "—"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={link.is_active ? "green" : "grey"}>
                  {link.is_active ? "Active" : "Disabled"}
                </Badge>
              </Table.Cell>
              <Table.Cell className="text-right">
                <LinkActions link={link} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
