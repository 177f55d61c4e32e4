import { DatePicker, Input, Switch, Text } from "@medusajs/ui"
import { FormField } from "./form-field"
import { ParentSelect } from "./parent-select"

/** A partner's profile as a form holds it (strings, as inputs give them). */
export type ProfileDraft = {
  name: string
  email: string
  company: string
  website: string
  phone: string
  commission_rate: string
  is_internal: boolean
  parent_id: string | null
  parent_commission_ends_at: Date | null
}

export const PROFILE_FIELD_KEYS = [
  "name",
  "email",
  "company",
  "website",
  "phone",
  "commission_rate",
  "is_internal",
  "parent_id",
  "parent_commission_ends_at",
]

export const emptyProfile = (): ProfileDraft => ({
  name: "",
  email: "",
  company: "",
  website: "",
  phone: "",
  commission_rate: "",
  is_internal: false,
  parent_id: null,
  parent_commission_ends_at: null,
})

/** The API body for a profile: empty optional fields are null, the rate a number or null (program default). */
export function profileBody(draft: ProfileDraft) {
  const orNull = (value: string) => (value.trim() ? value.trim() : null)
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    company: orNull(draft.company),
    website: orNull(draft.website),
    phone: orNull(draft.phone),
    commission_rate: draft.commission_rate.trim() === "" ? null : Number(draft.commission_rate),
    is_internal: draft.is_internal,
    parent_id: draft.parent_id,
    parent_commission_ends_at: draft.parent_id && draft.parent_commission_ends_at ? draft.parent_commission_ends_at.toISOString() : null,
  }
}

/** `errors` without those of the fields that changed between two drafts (an edited field's error is stale). */
export function withoutChanged(errors: Record<string, string>, before: ProfileDraft, after: ProfileDraft) {
  const changed = (Object.keys(after) as (keyof ProfileDraft)[]).filter((key) => before[key] !== after[key])
  if (!changed.some((key) => errors[key])) return errors
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !changed.includes(key as keyof ProfileDraft)))
}

/** Name, email, company, website, phone, rate, internal flag, parent and the parent's end date. */
export const ProfileFields = ({
  value,
  onChange,
  errors,
  defaultRate,
  selfId,
  prefix,
}: {
  value: ProfileDraft
  onChange: (value: ProfileDraft) => void
  errors: Record<string, string | undefined>
  defaultRate?: number
  selfId?: string
  prefix: string
}) => {
  const set = <K extends keyof ProfileDraft>(key: K, v: ProfileDraft[K]) => onChange({ ...value, [key]: v })
  const text = (key: "name" | "email" | "company" | "website" | "phone", label: string, optional = false, type = "text") => (
    <FormField id={`${prefix}-${key}`} label={label} optional={optional} error={errors[key]}>
      <Input id={`${prefix}-${key}`} type={type} value={value[key]} onChange={(e) => set(key, e.target.value)} />
    </FormField>
  )
  return (
    <div className="flex flex-col gap-y-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {text("name", "Name")}
        {text("email", "Email", false, "email")}
        {text("company", "Company", true)}
        {text("website", "Website", true, "url")}
        {text("phone", "Phone", true)}
        <FormField
          id={`${prefix}-commission_rate`}
          label="Commission rate (%)"
          optional
          hint={`Empty: the program default${defaultRate != null ? ` (${defaultRate}%)` : ""}.`}
          error={errors.commission_rate}
        >
          <Input
            id={`${prefix}-commission_rate`}
            type="number"
            min={0}
            max={100}
            step="0.01"
            value={value.commission_rate}
            onChange={(e) => set("commission_rate", e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex items-start justify-between gap-x-4 rounded-lg border p-3">
        <div>
          <Text size="small" weight="plus">
            Internal channel
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            The store's own marketing (newsletter, social team): tracked like a partner, reported apart.
          </Text>
          {errors.is_internal && (
            <Text size="small" className="text-ui-fg-error">
              {errors.is_internal}
            </Text>
          )}
        </div>
        <Switch
          id={`${prefix}-is_internal`}
          aria-label="Internal channel"
          checked={value.is_internal}
          onCheckedChange={(checked) => set("is_internal", checked)}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField
          id={`${prefix}-parent`}
          label="Parent partner"
          optional
          hint="Earns its level commission on this partner's sales."
          error={errors.parent_id}
        >
          <ParentSelect id={`${prefix}-parent`} value={value.parent_id} excludeId={selfId} onChange={(id) => set("parent_id", id)} />
        </FormField>
        <FormField
          id={`${prefix}-parent-ends`}
          label="Parent's commission ends"
          optional
          hint={value.parent_id ? "Empty: never." : "Choose a parent first."}
          error={errors.parent_commission_ends_at}
        >
          <DatePicker
            aria-label="Parent's commission ends"
            isDisabled={!value.parent_id}
            value={value.parent_commission_ends_at}
            onChange={(date) => set("parent_commission_ends_at", date)}
          />
        </FormField>
      </div>
    </div>
  )
}
