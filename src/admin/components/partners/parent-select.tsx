import { XMarkMini } from "@medusajs/icons"
import { IconButton, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { usePartnerName, usePartnerSearch } from "../../hooks/api/partners"

/**
 * A searchable partner picker (the parent partner): type a name or email,
 * pick one from the matches. `excludeId` leaves out the partner itself.
 */
export const ParentSelect = ({
  id,
  value,
  onChange,
  excludeId,
}: {
  id: string
  value: string | null
  onChange: (id: string | null) => void
  excludeId?: string
}) => {
  const [q, setQ] = useState("")
  const [debounced, setDebounced] = useState("")
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q), 250)
    return () => clearTimeout(timer)
  }, [q])
  const { data: selected } = usePartnerName(value)
  const { data, isFetching } = usePartnerSearch(debounced)
  const options = (data?.affiliates ?? []).filter((partner) => partner.id !== excludeId)

  if (value) {
    return (
      <div className="flex items-center justify-between rounded-md border px-3 py-1.5" data-testid={`${id}-selected`}>
        <Text size="small">
          {selected?.affiliate ? `${selected.affiliate.name} · ${selected.affiliate.email}` : value}
        </Text>
        <IconButton size="small" variant="transparent" type="button" aria-label="Clear parent" onClick={() => onChange(null)}>
          <XMarkMini />
        </IconButton>
      </div>
    )
  }
  return (
    <div className="relative">
      <Input
        id={id}
        type="search"
        placeholder="Search partners by name or email"
        value={q}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQ(e.target.value)
          setOpen(true)
        }}
      />
      {open && (
        <div className="bg-ui-bg-base shadow-elevation-flyout absolute z-50 mt-1 max-h-60 w-full overflow-auto rounded-lg p-1">
          {!options.length && (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              {isFetching ? "Searching…" : "No partners match."}
            </Text>
          )}
          {options.map((partner) => (
            <button
              key={partner.id}
              type="button"
              role="option"
              aria-selected={false}
              className="hover:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onChange(partner.id)
                setQ("")
                setOpen(false)
              }}
            >
              <span>{partner.name}</span>
              <span className="text-ui-fg-subtle">{partner.email}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
