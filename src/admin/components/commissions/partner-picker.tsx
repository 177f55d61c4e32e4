import { Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { usePartnerSearch } from "../../hooks/api/commissions"

export type PickedPartner = { id: string; name: string; email?: string }

/**
 * A searchable partner field: type part of a name or email, pick from the
 * matches. Used by the ledger's partner filter and the adjustment form.
 */
export const PartnerPicker = ({
  id,
  value,
  onChange,
  placeholder = "Search partners",
  size = "base",
  invalid,
}: {
  id?: string
  value: PickedPartner | null
  onChange: (partner: PickedPartner | null) => void
  placeholder?: string
  size?: "base" | "small"
  invalid?: boolean
}) => {
  const [text, setText] = useState(value?.name ?? "")
  const [debounced, setDebounced] = useState("")
  const [open, setOpen] = useState(false)
  useEffect(() => setText(value?.name ?? ""), [value?.id, value?.name])
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 250)
    return () => clearTimeout(timer)
  }, [text])
  const query = open && debounced !== value?.name ? debounced : ""
  const { data, isLoading, isError } = usePartnerSearch(query, open)
  const partners = data?.affiliates ?? []

  return (
    <div className="relative">
      <Input
        id={id}
        size={size}
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={text}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          if (!event.target.value) onChange(null)
        }}
      />
      {open && (
        <div
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute z-50 mt-1 max-h-64 w-full min-w-[240px] overflow-y-auto rounded-lg p-1"
        >
          {isLoading ? (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              Loading…
            </Text>
          ) : isError ? (
            <Text size="small" className="text-ui-fg-error px-2 py-1.5">
              Couldn't load partners
            </Text>
          ) : partners.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              No partners match
            </Text>
          ) : (
            partners.map((partner) => (
              <button
                key={partner.id}
                type="button"
                role="option"
                aria-selected={partner.id === value?.id}
                className="hover:bg-ui-bg-base-hover flex w-full flex-col items-start rounded-md px-2 py-1.5 text-left"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  onChange({ id: partner.id, name: partner.name, email: partner.email })
                  setText(partner.name)
                  setOpen(false)
                }}
              >
                <Text size="small" leading="compact" weight="plus">
                  {partner.name}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  {partner.email}
                </Text>
              </button>
            ))
          )}
        </div>
      )}
    </div>
  )
}
