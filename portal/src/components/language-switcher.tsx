import { useTranslation } from "react-i18next"
import { LANGUAGES } from "../i18n"

/** Every catalog's own name; the choice is saved (i18next's detector caches it). */
export function LanguageSwitcher({ onChange }: { onChange?: (language: string) => void }) {
  const { t, i18n } = useTranslation()
  return (
    <select
      aria-label={t("language.switch")}
      data-testid="language-switcher"
      value={i18n.resolvedLanguage}
      onChange={(e) => {
        i18n.changeLanguage(e.target.value)
        onChange?.(e.target.value)
      }}
      className="h-8 rounded-md border border-ui-border-base bg-ui-bg-field px-2 text-ui-fg-base txt-compact-small shadow-buttons-neutral"
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng}>
          {t("language.name", { lng })}
        </option>
      ))}
    </select>
  )
}
