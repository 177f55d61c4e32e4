import { Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { CopyButton } from "../components/copy-button"
import { DataTable } from "../components/data-table"
import { DestinationPicker } from "../components/destination-picker"
import { Field } from "../components/field"
import { PageHeader } from "../components/page-header"
import { QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api } from "../lib/api"
import { date } from "../lib/format"
import type { ReferralLink } from "../lib/types"
import { useFormErrors } from "../lib/use-form-errors"

const UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const
const FIELDS = ["name", "target_url", "sub_id", ...UTM]

/** The address a partner shares: the backend's /r/ redirect (the portal is served by the backend). */
export const shareUrl = (link: ReferralLink) => `${window.location.origin}${link.path}`

export function LinksPage() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const links = useQuery({ queryKey: ["links"], queryFn: () => api<{ referral_links: ReferralLink[] }>("/affiliate/links").then((r) => r.referral_links) })
  const toggle = useMutation({
    mutationFn: (link: ReferralLink) => api(`/affiliate/links/${link.id}`, { method: "POST", body: { is_active: !link.is_active } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["links"] }),
    onError: (e) => toast.error(e.message),
  })
  return (
    <>
      <PageHeader title={t("links.title")} subtitle={t("links.subtitle")} />
      <LinkBuilder onCreated={() => client.invalidateQueries({ queryKey: ["links"] })} />
      <Heading level="h2">{t("links.yours")}</Heading>
      <QueryView query={links} isEmpty={(list) => !list.length} empty={t("links.empty")}>
        {(list) => (
          <DataTable
            testId="links-table"
            rows={[...list].reverse()}
            rowKey={(link) => link.id}
            columns={[
              { key: "name", header: t("links.name"), cell: (link) => link.name ?? link.sub_id ?? link.code },
              { key: "url", header: t("links.url"), cell: (link) => <span className="font-mono txt-compact-xsmall" data-testid="link-url">{shareUrl(link)}</span> },
              {
                key: "actions",
                header: "",
                                cell: (link) => (
                  <div className="flex gap-2">
                    <CopyButton value={shareUrl(link)} />
                    <Button size="small" variant="secondary" onClick={() => toggle.mutate(link)} disabled={toggle.isPending}>
                      {link.is_active ? t("links.deactivate") : t("links.activate")}
                    </Button>
                  </div>
                ),
              },
              { key: "target", header: t("links.target"), cell: (link) => link.target_url ?? t("links.store_home") },
              { key: "campaign", header: t("links.campaign"), cell: (link) => link.utm_campaign ?? "—" },
              { key: "status", header: t("links.status"), cell: (link) => <StatusLabel status={link.is_active ? "active" : "inactive"} /> },
              { key: "created", header: t("links.created"), cell: (link) => date(link.created_at) },
            ]}
          />
        )}
      </QueryView>
    </>
  )
}

function LinkBuilder({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [target, setTarget] = useState("")
  const [name, setName] = useState("")
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<ReferralLink | null>(null)
  const { errors, show, clear } = useFormErrors(FIELDS)

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const body: Record<string, string> = {}
    for (const key of FIELDS) {
      const value = String(form.get(key) ?? "").trim()
      if (value) body[key] = value
    }
    clear()
    setBusy(true)
    try {
      const { referral_link } = await api<{ referral_link: ReferralLink }>("/affiliate/links", { method: "POST", body })
      setCreated(referral_link)
      toast.success(t("links.created_toast"))
      onCreated()
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="flex flex-col gap-4 p-4" data-testid="link-builder">
      <Heading level="h2">{t("links.builder")}</Heading>
      <form onSubmit={submit} className="grid gap-4 lg:grid-cols-2" noValidate>
        <div className="flex flex-col gap-4">
          <Field id="target_url" label={t("links.target")} error={errors.target_url} hint={t("links.target_hint")}>
            <Input id="target_url" name="target_url" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="/products/…" maxLength={2048} />
          </Field>
          <DestinationPicker
            onPick={(url, title) => {
              setTarget(url)
              if (!name) setName(title)
            }}
          />
        </div>
        <div className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="name" label={t("links.name")} error={errors.name}>
              <Input id="name" name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={255} />
            </Field>
            <Field id="sub_id" label={t("links.sub_id")} error={errors.sub_id} hint={t("links.sub_id_hint")}>
              <Input id="sub_id" name="sub_id" maxLength={64} />
            </Field>
            {UTM.map((key) => (
              <Field key={key} id={key} label={t(`links.${key}`)} error={errors[key]}>
                <Input id={key} name={key} maxLength={255} />
              </Field>
            ))}
          </div>
          <Button type="submit" isLoading={busy} className="self-start">
            {t("links.create")}
          </Button>
        </div>
      </form>
      {created && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-ui-bg-subtle p-3" data-testid="created-link">
          <Text size="small" className="min-w-0 break-all font-mono">
            {shareUrl(created)}
          </Text>
          <CopyButton value={shareUrl(created)} />
        </div>
      )}
    </Container>
  )
}
