import { Alert, Button, Checkbox, Input, Label, Text, Textarea } from "@medusajs/ui"
import { FormEvent, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { Field } from "../components/field"
import { QueryView } from "../components/states"
import { TermsText } from "../components/terms-text"
import { api, ApiError } from "../lib/api"
import { loginEmail } from "../lib/session"
import { ApplicationField, Program, useProgram } from "../lib/program"
import { useFormErrors } from "../lib/use-form-errors"

const BASE_FIELDS = ["email", "password", "name", "company", "website", "phone", "audience", "terms_version", "fields", "identifier"]

export function SignupPage() {
  const { t } = useTranslation()
  const program = useProgram()
  return (
    <AuthLayout title={t("signup.title")} subtitle={t("signup.subtitle")} wide>
      <QueryView query={program}>{(data) => <SignupForm program={data} />}</QueryView>
    </AuthLayout>
  )
}

function SignupForm({ program }: { program: Program }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [accepted, setAccepted] = useState(false)
  const [checks, setChecks] = useState<Record<string, boolean>>({})
  // The login made by the first attempt, reused if the application is refused and corrected.
  const token = useRef<{ email: string; token: string } | null>(null)
  const { errors, show, clear } = useFormErrors([...BASE_FIELDS, ...program.application_fields.map((f) => `fields.${f.key}`)])

  if (program.registration_mode === "invite_only" || program.registration_mode === "closed") {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="info">{t(`signup.mode.${program.registration_mode}`)}</Alert>
        <Link to="/login" className="txt-compact-small text-ui-fg-interactive">
          {t("signup.have_account")}
        </Link>
      </div>
    )
  }

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const value = (key: string) => String(form.get(key) ?? "").trim()
    const email = value("email")
    const password = String(form.get("password") ?? "")
    clear()
    if (program.terms && !accepted) {
      show(new Error(`terms_version: ${t("signup.accept_terms_required")}`))
      return
    }
    setBusy(true)
    try {
      if (token.current?.email !== email) {
        token.current = { email, token: await loginToken(email, password) }
      }
      const fields: Record<string, string | boolean> = {}
      for (const field of program.application_fields) {
        fields[field.key] = field.type === "checkbox" ? !!checks[field.key] : value(`fields.${field.key}`)
      }
      const optional = (key: string) => value(key) || undefined
      await api("/affiliate-account/register", {
        method: "POST",
        token: token.current.token,
        body: {
          name: value("name"),
          company: optional("company"),
          website: optional("website"),
          phone: optional("phone"),
          audience: optional("audience"),
          ...(program.application_fields.length ? { fields } : {}),
          ...(program.terms ? { terms_version: program.terms.version } : {}),
          locale: i18n.resolvedLanguage,
        },
      })
      navigate(`/check-email?email=${encodeURIComponent(email)}`)
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="email" label={t("field.email")} error={errors.email ?? errors.identifier}>
          <Input id="email" name="email" type="email" autoComplete="email" />
        </Field>
        <Field id="password" label={t("field.password")} error={errors.password} hint={t("field.password_hint")}>
          <Input id="password" name="password" type="password" autoComplete="new-password" minLength={8} />
        </Field>
        <Field id="name" label={t("field.name")} error={errors.name}>
          <Input id="name" name="name" autoComplete="name" />
        </Field>
        <Field id="company" label={t("field.company_optional")} error={errors.company}>
          <Input id="company" name="company" autoComplete="organization" />
        </Field>
        <Field id="website" label={t("field.website_optional")} error={errors.website}>
          <Input id="website" name="website" type="url" placeholder="https://" />
        </Field>
        <Field id="phone" label={t("field.phone_optional")} error={errors.phone}>
          <Input id="phone" name="phone" type="tel" autoComplete="tel" />
        </Field>
      </div>
      <Field id="audience" label={t("field.audience_optional")} error={errors.audience} hint={t("field.audience_hint")}>
        <Textarea id="audience" name="audience" rows={3} />
      </Field>
      {program.application_fields.map((field) => (
        <CustomField
          key={field.key}
          field={field}
          error={errors[`fields.${field.key}`] ?? (errors.fields?.includes(field.key) ? errors.fields : undefined)}
          checked={!!checks[field.key]}
          onCheck={(checked) => setChecks((all) => ({ ...all, [field.key]: checked }))}
        />
      ))}
      {errors.fields && !program.application_fields.some((f) => errors.fields.includes(f.key)) && (
        <Text size="small" className="text-ui-fg-error">
          {errors.fields}
        </Text>
      )}
      {program.terms && (
        <div className="flex flex-col gap-2">
          <Label size="small" weight="plus">
            {t("signup.terms_title", { version: program.terms.version })}
          </Label>
          <TermsText text={program.terms.text} className="max-h-48 overflow-y-auto rounded-md border border-ui-border-base p-3" />
          <div className="flex items-start gap-2">
            <Checkbox id="accept-terms" checked={accepted} onCheckedChange={(v) => setAccepted(v === true)} />
            <Label htmlFor="accept-terms" size="small">
              {t("signup.accept_terms")}
            </Label>
          </div>
          {errors.terms_version && (
            <Text size="small" className="text-ui-fg-error">
              {errors.terms_version}
            </Text>
          )}
        </div>
      )}
      <Button type="submit" isLoading={busy}>
        {t("signup.submit")}
      </Button>
      <Link to="/login" className="txt-compact-small text-ui-fg-interactive">
        {t("signup.have_account")}
      </Link>
    </form>
  )
}

/**
 * A login for the application: a new one, or (the email already has a
 * login with this password, e.g. a retry) the existing one.
 */
async function loginToken(typed: string, password: string): Promise<string> {
  const email = loginEmail(typed)
  try {
    return (await api<{ token: string }>("/auth/affiliate/emailpass/register", { method: "POST", body: { email, password } })).token
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const login = await api<{ token: string }>("/auth/affiliate/emailpass", { method: "POST", body: { email, password } }).catch(() => null)
      if (login) return login.token
    }
    throw error
  }
}

function CustomField({ field, error, checked, onCheck }: { field: ApplicationField; error?: string; checked: boolean; onCheck: (checked: boolean) => void }) {
  const { t } = useTranslation()
  const id = `fields.${field.key}`
  const label = field.required ? field.label : t("field.optional", { label: field.label })
  if (field.type === "checkbox") {
    return (
      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-2">
          <Checkbox id={id} checked={checked} onCheckedChange={(v) => onCheck(v === true)} />
          <Label htmlFor={id} size="small">
            {label}
          </Label>
        </div>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </div>
    )
  }
  return (
    <Field id={id} label={label} error={error}>
      {field.type === "select" ? (
        <select id={id} name={id} defaultValue="" className="h-8 rounded-md border border-ui-border-base bg-ui-bg-field px-2 txt-compact-small shadow-buttons-neutral">
          <option value="">{t("field.choose")}</option>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <Input id={id} name={id} maxLength={1000} />
      )}
    </Field>
  )
}
