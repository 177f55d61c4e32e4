import { Input, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../lib/api"
import { useDebounced } from "../lib/use-debounced"

type Destination = { kind: "product"; id: string; title: string; handle: string; thumbnail: string | null; url: string }

/** Search the products partners may promote; picking one fills the link's target. */
export function DestinationPicker({ onPick }: { onPick: (url: string, title: string) => void }) {
  const { t } = useTranslation()
  const [q, setQ] = useState("")
  const query = useDebounced(q.trim())
  const results = useQuery({
    queryKey: ["destinations", query],
    queryFn: () => api<{ destinations: Destination[] }>("/affiliate/destinations", { query: { q: query, limit: 8 } }).then((r) => r.destinations),
  })
  return (
    <div className="flex flex-col gap-2">
      <Input
        type="search"
        size="small"
        aria-label={t("links.search_destination")}
        placeholder={t("links.search_destination")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        maxLength={200}
      />
      <div className="flex max-h-56 flex-col overflow-y-auto rounded-md border border-ui-border-base" data-testid="destinations">
        {results.isPending && <Text size="small" className="p-2 text-ui-fg-subtle">{t("state.loading")}</Text>}
        {results.isError && <Text size="small" className="p-2 text-ui-fg-subtle">{t("links.destinations_unavailable")}</Text>}
        {results.data?.length === 0 && <Text size="small" className="p-2 text-ui-fg-subtle">{t("links.no_destinations")}</Text>}
        {results.data?.map((destination) => (
          <button
            key={destination.id}
            type="button"
            onClick={() => onPick(destination.url, destination.title)}
            className="flex items-center gap-2 p-2 text-left hover:bg-ui-bg-base-hover"
          >
            {destination.thumbnail ? (
              <img src={destination.thumbnail} alt="" className="h-8 w-8 shrink-0 rounded object-cover" />
            ) : (
              <span className="h-8 w-8 shrink-0 rounded bg-ui-bg-component" />
            )}
            <span className="min-w-0">
              <Text size="small" weight="plus" className="truncate">{destination.title}</Text>
              <Text size="xsmall" className="truncate text-ui-fg-subtle">{destination.url}</Text>
            </span>
          </button>
        ))}
      </div>
    </div>
  )
}
