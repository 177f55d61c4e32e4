import { Button, Container, Heading, Input, Text, Textarea, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Field } from "../components/field"
import { PageHeader } from "../components/page-header"
import { METHOD_FIELDS, PayoutDetailsForm } from "../components/payout-details-form"
import { Empty, QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api } from "../lib/api"
import { date } from "../lib/format"
import { Partner, useMe } from "../lib/session"
import { useFormErrors } from "../lib/use-form-errors"

type PayoutDetails = { payout_method: string | null; payout_details: Record<string, unknown> | null; payout_details_updated_at: string | null }
const PROFILE_FIELDS = ["name", "company", "website", "phone", "audience"] as const

export function ProfilePage() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <>
      <PageHeader title={t("profile.title")} />
      <QueryView query={me}>{(partner) => <ProfileForm partner={partner} />}</QueryView>
      <PayoutDetailsSection />
    </>
  )
}

function ProfileForm({ partner }: { partner: Partner }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const { errors, show, clear } = useFormErrors([...PROFILE_FIELDS])

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const body: Record<string, string | null> = { locale: i18n.resolvedLanguage ?? null }
    for (const key of PROFILE_FIELDS) {
      const value = String(form.get(key) ?? "").trim()
      body[key] = key === "name" ? value : value || null
    }
    clear()
    setBusy(true)
    try {
      await api("/affiliate/me", { method: "POST", body })
      toast.success(t("profile.saved"))
      await client.invalidateQueries({ queryKey: ["me"] })
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="flex flex-col gap-4 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Text weight="plus">{partner.email}</Text>
          <Text size="small" className="text-ui-fg-subtle">
            {partner.email_verified_at ? t("profile.verified", { date: date(partner.email_verified_at) }) : t("profile.unverified")}
          </Text>
        </div>
        <StatusLabel status={partner.status} />
      </div>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          {PROFILE_FIELDS.filter((key) => key !== "audience").map((key) => (
            <Field key={key} id={`profile-${key}`} label={t(`field.${key}`)} error={errors[key]}>
              <Input id={`profile-${key}`} name={key} defaultValue={partner[key] ?? ""} maxLength={255} />
            </Field>
          ))}
        </div>
        <Field id="profile-audience" label={t("field.audience")} error={errors.audience}>
          <Textarea id="profile-audience" name="audience" rows={3} defaultValue={partner.audience ?? ""} />
        </Field>
        <Button type="submit" isLoading={busy} className="self-start">
          {t("action.save")}
        </Button>
      </form>
    </Container>
  )
}

function PayoutDetailsSection() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [editing, setEditing] = useState(false)
  const details = useQuery({
    queryKey: ["payout-details"],
    queryFn: () => api<{ payout_details: PayoutDetails }>("/affiliate/me/payout-details").then((r) => r.payout_details),
  })
  return (
    <Container className="flex flex-col gap-4 p-4" data-testid="payout-details">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h2">{t("payout.title")}</Heading>
        {!editing && (
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            {t("action.edit")}
          </Button>
        )}
      </div>
      <QueryView query={details}>
        {(data) =>
          editing ? (
            <PayoutDetailsForm
              initialMethod={data.payout_method}
              onCancel={() => setEditing(false)}
              onSaved={async () => {
                toast.success(t("payout.saved"))
                setEditing(false)
                await Promise.all([client.invalidateQueries({ queryKey: ["payout-details"] }), client.invalidateQueries({ queryKey: ["alerts"] })])
              }}
            />
          ) : data.payout_details ? (
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 txt-compact-small sm:grid-cols-[200px_1fr]">
              {Object.entries(data.payout_details)
                .filter(([key, value]) => key !== "masked" && value !== null && value !== undefined && value !== "")
                .sort(([a], [b]) => fieldOrder(data.payout_details!.method, a) - fieldOrder(data.payout_details!.method, b))
                .map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-ui-fg-subtle">{key === "method" ? t("payout.method") : t(`payout.field.${key}`, { defaultValue: key })}</dt>
                    <dd className="break-all">{key === "method" ? t(`payout_method.${value}`, { defaultValue: String(value) }) : String(value)}</dd>
                  </div>
                ))}
              {data.payout_details_updated_at && (
                <Text size="xsmall" className="text-ui-fg-muted sm:col-span-2">
                  {t("payout.updated", { date: date(data.payout_details_updated_at) })}
                </Text>
              )}
            </dl>
          ) : (
            <Empty>{t("payout.none")}</Empty>
          )
        }
      </QueryView>
    </Container>
  )
}

/** The method first, then the fields in the form's order. */
function fieldOrder(method: unknown, key: string): number {
  if (key === "method") return -1
  const index = (METHOD_FIELDS[String(method)] ?? []).indexOf(key)
  return index === -1 ? 99 : index
}
