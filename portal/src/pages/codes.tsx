import { Badge, Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { CopyButton } from "../components/copy-button"
import { PageHeader } from "../components/page-header"
import { QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api } from "../lib/api"
import { date } from "../lib/format"

type Code = { id: string; code: string; is_active: boolean; expires_at: string | null; aliases: { id: string; code: string; is_active: boolean }[]; share_url: string }

/** The partner's codes: typed at checkout, or shared as /r/CODE. */
export function CodesPage() {
  const { t } = useTranslation()
  const codes = useQuery({ queryKey: ["codes"], queryFn: () => api<{ codes: Code[] }>("/affiliate/codes").then((r) => r.codes) })
  return (
    <>
      <PageHeader title={t("codes.title")} subtitle={t("codes.subtitle")} />
      <QueryView query={codes} isEmpty={(list) => !list.length} empty={t("codes.empty")}>
        {(list) => (
          <div className="grid gap-3 md:grid-cols-2">
            {list.map((code) => (
              <Container key={code.id} className="flex flex-col gap-3 p-4" data-testid="code-card">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Text weight="plus" size="large" className="font-mono">
                    {code.code}
                  </Text>
                  <StatusLabel status={code.is_active ? "active" : "inactive"} />
                </div>
                {code.expires_at && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("codes.expires", { date: date(code.expires_at) })}
                  </Text>
                )}
                <Text size="small" className="break-all text-ui-fg-subtle">
                  {code.share_url}
                </Text>
                <div className="flex flex-wrap gap-2">
                  <CopyButton value={code.code} label={t("codes.copy_code")} />
                  <CopyButton value={code.share_url} label={t("codes.copy_link")} />
                </div>
                {code.aliases.length > 0 && (
                  <div className="flex flex-wrap items-center gap-1">
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {t("codes.aliases")}
                    </Text>
                    {code.aliases.map((alias) => (
                      <Badge key={alias.id} size="2xsmall" color={alias.is_active ? "green" : "grey"}>
                        {alias.code}
                      </Badge>
                    ))}
                  </div>
                )}
              </Container>
            ))}
          </div>
        )}
      </QueryView>
    </>
  )
}
