import type { MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"

/**
 * Streams CSV to an HTTP response: rows are pulled from an async iterable
 * only as fast as the client reads (`pipeline` carries the back-pressure back
 * to the database pages), so an export of 100,000 lines holds one page in
 * memory. Quoting is `csv-stringify`'s (RFC 4180: a field with a comma, a
 * quote or a line break is quoted, quotes doubled).
 */

// A spreadsheet runs a cell that starts with one of these as a formula
// (OWASP "CSV injection"); partner names, notes and reasons are user input.
const FORMULA_START = /^[=+\-@\t\r]/
// A plain decimal such as "-12.50" (a reversal's amount) is a number to a
// spreadsheet, never a formula: it keeps its sign.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/** A cell a spreadsheet shows as text: a leading apostrophe before anything it would run. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

/** A CSV stringifier for rows of cells, with `header` as the first line (none when null). */
export function csvStringifier(header: readonly string[] | null) {
  return stringify({
    header: header !== null,
    columns: header ? [...header] : undefined,
    cast: { string: neutralizeFormula },
    // A lone carriage return is a line break to some readers: quote it too.
    quoted_match: /\r/,
  })
}

/** `name-2026-12-01.csv`: a file name with nothing to escape in a header. */
export function csvFileName(name: string, now: Date): string {
  return `${name.replace(/[^A-Za-z0-9_-]/g, "-")}-${now.toISOString().slice(0, 10)}.csv`
}

/**
 * Answers with a CSV download. The first row is read before anything is
 * sent, so a failure there (a bad filter reaching the database, the database
 * down) is still an ordinary error answer; a failure after the first bytes
 * can only cut the download short, which the client sees as a broken transfer.
 */
export async function streamCsv(
  res: MedusaResponse,
  { filename, header, rows }: { filename: string; header: readonly string[] | null; rows: AsyncIterable<string[]> }
): Promise<void> {
  const iterator = rows[Symbol.asyncIterator]()
  const first = await iterator.next()
  async function* all() {
    if (first.done) return
    yield first.value
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value
    }
  }
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Cache-Control", "no-store")
  try {
    await pipeline(Readable.from(all()), csvStringifier(header), res)
  } catch (error) {
    // The client went away, or a later page failed: nothing more can be said
    // on a response whose head is sent. Close the iterator so no query waits.
    await iterator.return?.()
    if (!res.headersSent) throw error
    res.destroy(error as Error)
  }
}

/** Maps each row of an async iterable. */
export async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) {
    yield map(row)
  }
}
