import path from "path"
import { safeFilePath } from "../portal-files"

describe("safeFilePath", () => {
  const root = path.resolve("/srv/portal")

  it("maps a plain path inside the folder", () => {
    expect(safeFilePath(root, "/assets/index-abc.js")).toBe(path.join(root, "assets", "index-abc.js"))
    expect(safeFilePath(root, "/favicon.svg")).toBe(path.join(root, "favicon.svg"))
  })

  it.each([
    "/../package.json",
    "/assets/../../x",
    "/%2e%2e/package.json",
    "/..%2fpackage.json",
    "/..%5cpackage.json",
    "/assets//x.js",
    "/.env",
    "/%00x",
    "/%E0%A4%A",
    "/",
  ])("refuses %s", (requestPath) => {
    expect(safeFilePath(root, requestPath)).toBeNull()
  })
})
