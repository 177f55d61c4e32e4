// A partner on a phone switches the portal to Russian: the menu, the pages
// and the login screen speak Russian, and the choice survives a reload.
import { PHONE } from "../portal-support.mjs"

export default async function russian({ page, portal, check, shot, settled, signUpPartner, logIn }) {
  const run = Date.now().toString(36)
  const email = `russian-${run}@partners.test`
  await signUpPartner({ email, name: `Russian ${run}` })
  await page.setViewportSize(PHONE)
  await logIn(email)
  await settled()

  await page.getByTestId("language-switcher").selectOption("ru")
  await page.getByRole("button", { name: "Меню" }).waitFor()
  check("the header speaks Russian", (await page.getByRole("button", { name: "Выйти" }).count()) === 1)
  // The phone's nav is behind the menu button.
  check("on a phone the nav is collapsed", !(await page.getByRole("link", { name: "Выплаты" }).isVisible()))
  await page.getByRole("button", { name: "Меню" }).click()
  await page.getByRole("link", { name: "Выплаты" }).waitFor()
  await shot("russian-menu")
  await page.getByRole("link", { name: "Ссылки" }).click()
  await page.getByRole("heading", { name: "Новая ссылка", exact: true }).waitFor()
  check("the links page speaks Russian", true)
  await shot("russian-links")

  await page.reload()
  await page.getByRole("heading", { name: "Ссылки", exact: true }).waitFor()
  check("Russian survives a reload", (await page.locator("html").getAttribute("lang")) === "ru")
  await page.getByRole("button", { name: "Выйти" }).click()
  await page.getByRole("heading", { name: "Вход", exact: true }).waitFor()
  check("the login screen speaks Russian", true)
  await shot("russian-login")
}
