import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { PageHeader } from "../components/page-header"
import { Empty, QueryView } from "../components/states"
import { TermsText } from "../components/terms-text"
import { api } from "../lib/api"
import { date } from "../lib/format"
import { useProgram } from "../lib/program"
import { useMe } from "../lib/session"

/** The program's current terms (accept a new version here) and its help text. */
export function TermsPage() {
  const { t } = useTranslation()
  const program = useProgram()
  const me = useMe()
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)

  const accept = async (version: number) => {
    setBusy(true)
    try {
      await api("/affiliate/me/terms", { method: "POST", body: { version } })
      toast.success(t("terms.accepted_toast"))
      await Promise.all([client.invalidateQueries({ queryKey: ["me"] }), client.invalidateQueries({ queryKey: ["alerts"] })])
    } catch (error) {
      toast.error(error instanceof Error ? error.message : t("state.error"))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <PageHeader title={t("terms.title")} />
      <QueryView query={program}>
        {(data) => (
          <>
            <Container className="flex flex-col gap-3 p-4">
              <Heading level="h2">{t("terms.terms")}</Heading>
              {data.terms ? (
                <>
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("terms.version", { version: data.terms.version, date: date(data.terms.published_at) })}
                  </Text>
                  <TermsText text={data.terms.text} />
                  {me.data?.terms_version === data.terms.version ? (
                    <Text size="small" className="text-ui-fg-subtle" data-testid="terms-accepted">
                      {t("terms.you_accepted", { date: date(me.data.terms_accepted_at) })}
                    </Text>
                  ) : (
                    <Button className="self-start" isLoading={busy} onClick={() => accept(data.terms!.version)}>
                      {t("terms.accept", { version: data.terms.version })}
                    </Button>
                  )}
                </>
              ) : (
                <Empty>{t("terms.none")}</Empty>
              )}
            </Container>
            <Container className="flex flex-col gap-3 p-4">
              <Heading level="h2">{t("terms.help")}</Heading>
              {data.help_text ? <TermsText text={data.help_text} /> : <Empty>{t("terms.no_help")}</Empty>}
            </Container>
          </>
        )}
      </QueryView>
    </>
  )
}
