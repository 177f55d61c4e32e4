import { ArrowDownMini, ArrowUpMini, Plus, Trash } from "@medusajs/icons"
import { Button, Checkbox, Hint, IconButton, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import type { ApplicationField } from "../../hooks/api/rules"

/** Most questions a form can carry (the API's limit). */
export const MAX_APPLICATION_FIELDS = 20

/** A question as edited: choices one per line, and a local id so rows keep their state when moved. */
export type ApplicationFieldDraft = {
  uid: string
  key: string
  label: string
  type: ApplicationField["type"]
  required: boolean
  options: string
}

let nextUid = 0
const uid = () => `field-${++nextUid}`

export function toFieldDrafts(fields: ApplicationField[]): ApplicationFieldDraft[] {
  return fields.map((field) => ({
    uid: uid(),
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    options: (field.options ?? []).join("\n"),
  }))
}

/** What the API is sent: options only for a select, one per non-empty line. */
export function fromFieldDrafts(drafts: ApplicationFieldDraft[]): ApplicationField[] {
  return drafts.map((draft) => ({
    key: draft.key.trim(),
    label: draft.label.trim(),
    type: draft.type,
    required: draft.required,
    ...(draft.type === "select"
      ? {
          options: draft.options
            .split("\n")
            .map((option) => option.trim())
            .filter(Boolean),
        }
      : {}),
  }))
}

/** A key from a label ("How do you promote?" → how_do_you_promote), as the API wants keys. */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 40)
  return key
}

const TYPE_LABELS: Record<ApplicationField["type"], string> = {
  text: "Text",
  select: "One of a list",
  checkbox: "Checkbox",
}

/**
 * The admin's own questions on the partner application form (B1): add,
 * remove and reorder; each has a key (where the answer is stored, kept when
 * the label changes), a label, a type, required, and choices for a list.
 */
export function ApplicationFieldsEditor({
  value,
  onChange,
  error,
}: {
  value: ApplicationFieldDraft[]
  onChange: (next: ApplicationFieldDraft[]) => void
  error?: string
}) {
  const update = (index: number, patch: Partial<ApplicationFieldDraft>) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)))
  const move = (index: number, by: -1 | 1) => {
    const next = [...value]
    const [row] = next.splice(index, 1)
    next.splice(index + by, 0, row)
    onChange(next)
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="application-fields-editor">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          Application questions
        </Label>
        <Hint>
          Asked on the sign-up form after name, email, company, website, phone and audience, in this order. The key is where the answer
          is kept: change the label freely, but keep the key once partners have answered.
        </Hint>
      </div>
      {value.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          No questions of your own yet.
        </Text>
      )}
      {value.map((draft, index) => (
        <div key={draft.uid} className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg border px-4 py-3" data-testid={`application-field-${index}`}>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-[2fr_1.2fr_1fr]">
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor={`${draft.uid}-label`}>
                Label
              </Label>
              <Input
                id={`${draft.uid}-label`}
                size="small"
                value={draft.label}
                maxLength={200}
                placeholder="How do you promote us?"
                onChange={(e) => {
                  const label = e.target.value
                  // A new question's key follows its label until the admin types one.
                  const followsLabel = !draft.key || draft.key === keyFromLabel(draft.label)
                  update(index, { label, ...(followsLabel ? { key: keyFromLabel(label) } : {}) })
                }}
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor={`${draft.uid}-key`}>
                Key
              </Label>
              <Input
                id={`${draft.uid}-key`}
                size="small"
                className="font-mono"
                value={draft.key}
                maxLength={40}
                placeholder="promotion_channel"
                onChange={(e) => update(index, { key: e.target.value.toLowerCase() })}
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall">Type</Label>
              <Select size="small" value={draft.type} onValueChange={(type) => update(index, { type: type as ApplicationField["type"] })}>
                <Select.Trigger aria-label={`Type of question ${index + 1}`}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(TYPE_LABELS) as ApplicationField["type"][]).map((type) => (
                    <Select.Item key={type} value={type}>
                      {TYPE_LABELS[type]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
          </div>
          {draft.type === "select" && (
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor={`${draft.uid}-options`}>
                Choices, one per line
              </Label>
              <Textarea
                id={`${draft.uid}-options`}
                rows={3}
                value={draft.options}
                placeholder={"Blog\nYouTube\nNewsletter"}
                onChange={(e) => update(index, { options: e.target.value })}
              />
            </div>
          )}
          <div className="flex items-center justify-between">
            <div className="flex items-center gap-x-2">
              <Checkbox id={`${draft.uid}-required`} checked={draft.required} onCheckedChange={(checked) => update(index, { required: checked === true })} />
              <Label size="small" htmlFor={`${draft.uid}-required`}>
                {draft.type === "checkbox" ? "Required (must be ticked)" : "Required"}
              </Label>
            </div>
            <div className="flex gap-x-1">
              <IconButton size="small" type="button" variant="transparent" aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>
                <ArrowUpMini />
              </IconButton>
              <IconButton
                size="small"
                type="button"
                variant="transparent"
                aria-label="Move down"
                disabled={index === value.length - 1}
                onClick={() => move(index, 1)}
              >
                <ArrowDownMini />
              </IconButton>
              <IconButton size="small" type="button" variant="transparent" aria-label="Remove question" onClick={() => onChange(value.filter((_, i) => i !== index))}>
                <Trash />
              </IconButton>
            </div>
          </div>
        </div>
      ))}
      {error && (
        <Hint variant="error" data-testid="setting-application_fields-error">
          {error}
        </Hint>
      )}
      <Button
        size="small"
        variant="secondary"
        type="button"
        className="self-start"
        disabled={value.length >= MAX_APPLICATION_FIELDS}
        onClick={() => onChange([...value, { uid: uid(), key: "", label: "", type: "text", required: false, options: "" }])}
      >
        <Plus />
        Add a question
      </Button>
    </div>
  )
}
