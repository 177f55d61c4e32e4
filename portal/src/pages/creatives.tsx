import { Badge, Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { CopyButton } from "../components/copy-button"
import { PageHeader } from "../components/page-header"
import { QueryView } from "../components/states"
import { api } from "../lib/api"

type Creative = {
  id: string
  name: string
  type: "banner" | "text_link" | "html"
  product: { id: string; title: string } | null
  image_url: string | null
  /** Null while the partner has no active code. */
  link: string | null
  html: string | null
  text: string | null
}

/** Banners and texts from the program, each with the partner's link in it. */
export function CreativesPage() {
  const { t } = useTranslation()
  const creatives = useQuery({ queryKey: ["creatives"], queryFn: () => api<{ creatives: Creative[] }>("/affiliate/creatives").then((r) => r.creatives) })
  return (
    <>
      <PageHeader title={t("creatives.title")} subtitle={t("creatives.subtitle")} />
      <QueryView query={creatives} isEmpty={(list) => !list.length} empty={t("creatives.empty")}>
        {(list) => (
          <div className="grid gap-3 md:grid-cols-2">
            {list.map((creative) => (
              <Container key={creative.id} className="flex flex-col gap-3 p-4" data-testid="creative">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Text weight="plus">{creative.name}</Text>
                  <Badge size="2xsmall">{t(`creatives.type.${creative.type}`)}</Badge>
                </div>
                {creative.product && <Text size="small" className="text-ui-fg-subtle">{creative.product.title}</Text>}
                {creative.image_url && (
                  <img src={creative.image_url} alt={creative.name} loading="lazy" className="max-h-48 w-full rounded-md border border-ui-border-base object-contain" />
                )}
                {creative.text && <Text size="small">{creative.text}</Text>}
                {creative.link ? (
                  <Text size="xsmall" className="break-all font-mono text-ui-fg-subtle" data-testid="creative-link">{creative.link}</Text>
                ) : (
                  <Text size="small" className="text-ui-fg-subtle">{t("creatives.no_code")}</Text>
                )}
                <div className="flex flex-wrap gap-2">
                  {creative.link && <CopyButton value={creative.link} label={t("creatives.copy_link")} />}
                  {creative.html && <CopyButton value={creative.html} label={t("creatives.copy_html")} />}
                </div>
              </Container>
            ))}
          </div>
        )}
      </QueryView>
    </>
  )
}
