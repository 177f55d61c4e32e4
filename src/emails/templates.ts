import type { EmailLocale, PartnerEmailData, PartnerEmailName } from "./names"

/** A rendered email: what a provider without templates of its own can send as is. */
export type RenderedEmail = { subject: string; text: string; html: string }

type Copy = { subject: string; lines: string[]; action?: { label: string; href: string } }
type Catalog = { [N in PartnerEmailName]: (data: PartnerEmailData[N]) => Copy }

const money = (amount: string, currency: string) => `${amount} ${currency.toUpperCase()}`

// The default wording. A store that wants its own sends through a provider
// with templates (option `emails.templates`); the fields stay in `data`.
const CATALOGS: Record<EmailLocale, Catalog> = {
  en: {
    invitation: (d) => ({
      subject: "You're invited to our partner program",
      lines: ["You have been invited to join our partner program.", `The link works once, until ${d.expires_at}.`],
      action: { label: "Set your password", href: d.link },
    }),
    verify_email: (d) => ({
      subject: "Confirm your email",
      lines: ["Confirm this email address to finish signing up as a partner.", `The link works once, until ${d.expires_at}.`],
      action: { label: "Confirm email", href: d.link },
    }),
    password_reset: (d) => ({
      subject: "Reset your password",
      lines: ["Someone asked to reset the password of your partner account. If it wasn't you, ignore this email.", "The link works once and expires soon."],
      action: { label: "Choose a new password", href: d.link },
    }),
    application_received: (d) => ({
      subject: "We received your application",
      lines: ["Thank you for applying to our partner program. We will review your application and write to you."],
      action: { label: "Open the partner portal", href: d.portal_url },
    }),
    approved: (d) => ({
      subject: "You're approved",
      lines: ["Your partner application is approved.", ...(d.code ? [`Your code: ${d.code}`] : [])],
      action: { label: "Start promoting", href: d.portal_url },
    }),
    rejected: (d) => ({
      subject: "About your application",
      lines: ["We're sorry: your partner application was not approved.", ...(d.reason ? [`Reason: ${d.reason}`] : [])],
    }),
    commission_created: (d) => ({
      subject: `New commission: ${money(d.amount, d.currency_code)}`,
      lines: [`You earned ${money(d.amount, d.currency_code)}${d.order_display_id ? ` on order #${d.order_display_id}` : ""}.`, "It is confirmed once the order's refund window has passed."],
      action: { label: "See your earnings", href: d.portal_url },
    }),
    payout_sent: (d) => ({
      subject: `Payout sent: ${money(d.amount, d.currency_code)}`,
      lines: [`We paid you ${money(d.amount, d.currency_code)}.`, ...(d.reference ? [`Reference: ${d.reference}`] : [])],
      action: { label: "See the payout", href: d.portal_url },
    }),
  },
  ru: {
    invitation: (d) => ({
      subject: "Приглашение в партнёрскую программу",
      lines: ["Вас пригласили в нашу партнёрскую программу.", `Ссылка действует один раз, до ${d.expires_at}.`],
      action: { label: "Задать пароль", href: d.link },
    }),
    verify_email: (d) => ({
      subject: "Подтвердите адрес почты",
      lines: ["Подтвердите этот адрес, чтобы завершить регистрацию партнёра.", `Ссылка действует один раз, до ${d.expires_at}.`],
      action: { label: "Подтвердить адрес", href: d.link },
    }),
    password_reset: (d) => ({
      subject: "Сброс пароля",
      lines: ["Кто-то запросил сброс пароля вашего партнёрского кабинета. Если это были не вы, ничего не делайте.", "Ссылка действует один раз и недолго."],
      action: { label: "Задать новый пароль", href: d.link },
    }),
    application_received: (d) => ({
      subject: "Заявка получена",
      lines: ["Спасибо за заявку в партнёрскую программу. Мы рассмотрим её и напишем вам."],
      action: { label: "Открыть кабинет партнёра", href: d.portal_url },
    }),
    approved: (d) => ({
      subject: "Заявка одобрена",
      lines: ["Ваша заявка партнёра одобрена.", ...(d.code ? [`Ваш код: ${d.code}`] : [])],
      action: { label: "Начать продвижение", href: d.portal_url },
    }),
    rejected: (d) => ({
      subject: "О вашей заявке",
      lines: ["К сожалению, ваша заявка партнёра не одобрена.", ...(d.reason ? [`Причина: ${d.reason}`] : [])],
    }),
    commission_created: (d) => ({
      subject: `Новая комиссия: ${money(d.amount, d.currency_code)}`,
      lines: [`Вы заработали ${money(d.amount, d.currency_code)}${d.order_display_id ? ` с заказа №${d.order_display_id}` : ""}.`, "Она подтверждается, когда истечёт срок возврата заказа."],
      action: { label: "Посмотреть начисления", href: d.portal_url },
    }),
    payout_sent: (d) => ({
      subject: `Выплата отправлена: ${money(d.amount, d.currency_code)}`,
      lines: [`Мы выплатили вам ${money(d.amount, d.currency_code)}.`, ...(d.reference ? [`Номер: ${d.reference}`] : [])],
      action: { label: "Посмотреть выплату", href: d.portal_url },
    }),
  },
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/** The default subject, plain text and HTML of an email, in the partner's language. */
export function renderPartnerEmail<N extends PartnerEmailName>(name: N, data: PartnerEmailData[N], locale: EmailLocale): RenderedEmail {
  const copy = (CATALOGS[locale][name] as (d: PartnerEmailData[N]) => Copy)(data)
  const greeting = locale === "ru" ? (data.name ? `Здравствуйте, ${data.name}!` : "Здравствуйте!") : data.name ? `Hello ${data.name},` : "Hello,"
  const text = [greeting, "", ...copy.lines, ...(copy.action ? ["", `${copy.action.label}: ${copy.action.href}`] : [])].join("\n")
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(copy.action ? [`<p><a href="${escapeHtml(copy.action.href)}">${escapeHtml(copy.action.label)}</a></p>`] : []),
  ].join("\n")
  return { subject: copy.subject, text, html }
}
