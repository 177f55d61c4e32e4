/**
 * Reads CSV as RFC 4180 writes it (quoted fields, doubled quotes, line breaks
 * inside quotes), so the export tests check the bytes a spreadsheet or a bank
 * upload would read, not what the writer meant.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ",") {
      row.push(field)
      field = ""
    } else if (char === "\n") {
      rows.push([...row, field])
      row = []
      field = ""
    } else {
      field += char
    }
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

/** Rows of a CSV with a header line, as objects keyed by column. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  return rows.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]])))
}
