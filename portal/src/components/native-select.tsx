import { Label } from "@medusajs/ui"

/** A labelled native select: small, accessible, and fine on a phone. */
export function NativeSelect({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id} size="small">
        {label}
      </Label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="h-8 rounded-md border border-ui-border-base bg-ui-bg-field px-2 text-ui-fg-base txt-compact-small shadow-buttons-neutral"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
