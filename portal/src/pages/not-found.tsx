import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-2 p-6">
      <Text weight="plus">{t("not_found.title")}</Text>
      <Link to="/" className="txt-compact-small text-ui-fg-interactive">
        {t("not_found.home")}
      </Link>
    </Container>
  )
}
