import { csvFileName, csvStringifier, neutralizeFormula } from "../csv"

async function csv(header: string[] | null, rows: string[][]): Promise<string> {
  const stringifier = csvStringifier(header)
  const chunks: string[] = []
  stringifier.on("data", (chunk) => chunks.push(String(chunk)))
  const done = new Promise((resolve, reject) => stringifier.on("end", resolve).on("error", reject))
  for (const row of rows) stringifier.write(row)
  stringifier.end()
  await done
  return chunks.join("")
}

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.test\",\"x\")", "'=HYPERLINK(\"http://evil.test\",\"x\")"],
    ["+1+2", "'+1+2"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["Ada = partner", "Ada = partner"],
    ["-12.50", "-12.50"],
    ["-1000", "-1000"],
    ["", ""],
  ])("neutralizes %j as %j", (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected)
  })

  it("quotes commas, quotes and line breaks, and neutralizes formulas in quoted cells", async () => {
    const out = await csv(["name", "reason", "amount"], [
      ["Smith, Jane", 'She said "hi"', "12.50"],
      ["=cmd|' /C calc'!A0", "line one\nline two", "-3.25"],
      ["carriage\rreturn", "", "0"],
    ])
    expect(out).toBe(
      [
        "name,reason,amount",
        '"Smith, Jane","She said ""hi""",12.50',
        "'=cmd|' /C calc'!A0,\"line one\nline two\",-3.25",
        '"carriage\rreturn",,0',
        "",
      ].join("\n")
    )
  })

  it("writes no header line when the layout has none", async () => {
    expect(await csv(null, [["a@example.com", "1.00", "USD"]])).toBe("a@example.com,1.00,USD\n")
  })

  it("names files with nothing a header needs escaped", () => {
    expect(csvFileName('ledger"; x', new Date("2026-12-01T10:00:00Z"))).toBe("ledger---x-2026-12-01.csv")
  })
})
