// Percentiles, ratios and the plain-text tables every benchmark prints.
import { execFileSync } from "node:child_process"
import os from "node:os"

/**
 * The p-th percentile (0–100) of `values`, linearly interpolated between the
 * two nearest ranks (numpy's default), or NaN for no values.
 */
export function percentile(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

export const median = (values) => percentile(values, 50)

/** n, mean, min, p50, p90, p99 and max of a list of numbers. */
export function summarize(values) {
  return {
    n: values.length,
    mean: values.reduce((a, b) => a + b, 0) / (values.length || NaN),
    min: Math.min(...values),
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: Math.max(...values),
  }
}

/** `value` with `digits` decimals, "–" for a missing value. */
export function fmt(value, digits = 1) {
  if (value == null || Number.isNaN(value)) return "–"
  if (typeof value === "string") return value
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** "1.03×", or "–" when either side is missing. */
export function ratio(value, base, digits = 2) {
  if (value == null || base == null || !base || Number.isNaN(value) || Number.isNaN(base)) return "–"
  return `${(value / base).toFixed(digits)}×`
}

/**
 * Prints a table with a header row; `columns` are { title, align? } (numbers
 * are right-aligned by default, the first column left-aligned), `rows` are
 * arrays of already formatted cells.
 */
export function printTable(columns, rows, { title } = {}) {
  const cells = [columns.map((c) => c.title), ...rows.map((r) => r.map((c) => String(c ?? "")))]
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)))
  const align = columns.map((c, i) => c.align ?? (i === 0 ? "left" : "right"))
  const line = (r) =>
    "| " +
    r.map((cell, i) => (align[i] === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ") +
    " |"
  const rule = "|" + widths.map((w, i) => (align[i] === "left" ? ":" : "-") + "-".repeat(w) + (align[i] === "left" ? "-" : ":")).join("|") + "|"
  const out = []
  if (title) out.push("", title, "")
  out.push(line(cells[0]), rule, ...cells.slice(1).map(line))
  console.log(out.join("\n"))
}

/** Prints "PASS target" or "FAIL target (why)"; returns `ok`. */
export function printVerdict(ok, target, detail = "") {
  console.log(`\n${ok ? "PASS" : "FAIL"}: ${target}${detail ? ` (${detail})` : ""}`)
  return ok
}

/** The machine and run, printed above every result so numbers carry their context. */
export function printContext(name, extra = {}) {
  const info = {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    source: sourceVersion(),
    node: process.version,
    cpus: `${os.availableParallelism()} × ${os.cpus()[0]?.model?.trim() ?? "?"}`,
    "load avg (1 min) before": os.loadavg()[0].toFixed(2),
    ...extra,
  }
  console.log(`\n## ${name}\n\n` + Object.entries(info).map(([k, v]) => `${k}: ${v}`).join(" · "))
}

/** The commit the build came from, and whether the host's sources differed from it. */
function sourceVersion() {
  const git = (...args) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()
  try {
    const changed = git("status", "--porcelain", "--", "src", "dev", "medusa-config.ts")
    return `${git("rev-parse", "--short", "HEAD")}${changed ? " with uncommitted changes in src/ or dev/" : ""}`
  } catch {
    return "unknown (not a git checkout)"
  }
}
