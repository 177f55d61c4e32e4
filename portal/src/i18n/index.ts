/**
 * The portal's languages: every `<code>.json` in this folder is one, found at
 * build time. To add a language, copy en.json to e.g. de.json, translate the
 * values (keep the keys and the {{placeholders}}), set "language.name" to the
 * language's own name, and rebuild (`npm run build`). A missing key falls back
 * to English. The browser's language picks the first catalog; the switcher
 * saves the choice in localStorage.
 */
import i18n from "i18next"
import LanguageDetector from "i18next-browser-languagedetector"
import { initReactI18next } from "react-i18next"

const catalogs = import.meta.glob<Record<string, unknown>>("./*.json", { eager: true, import: "default" })
const resources = Object.fromEntries(
  Object.entries(catalogs).map(([file, translation]) => [file.replace(/^\.\/|\.json$/g, ""), { translation }])
)

export const LANGUAGES = Object.keys(resources).sort()
export const LANGUAGE_STORAGE_KEY = "partner-portal.language"

i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    fallbackLng: "en",
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    interpolation: { escapeValue: false },
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ["localStorage"],
    },
    returnNull: false,
  })

i18n.on("languageChanged", (lng) => document.documentElement.setAttribute("lang", lng))
document.documentElement.setAttribute("lang", i18n.resolvedLanguage ?? "en")

export default i18n
