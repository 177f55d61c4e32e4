import { Input, Label, Select, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"

export const PRESETS = [7, 30, 90, 365] as const
const DAY_MS = 86_400_000
const MAX_DAYS = 3 * 366

const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10)
const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))

export type DateRange = { from: string; to: string; preset: string }

/**
 * A report's range from the URL (`<prefix>range` = 7, 30, 90, 365 or
 * custom with `<prefix>from` and `<prefix>to`), 30 days by default. A custom
 * range that is inverted or too long falls back to the default and says so.
 */
export function useDateRange(prefix = ""): DateRange & { error: string | null; set: (next: Partial<DateRange>) => void } {
  const [params, setParams] = useSearchParams()
  const preset = params.get(`${prefix}range`) ?? "30"
  let range: DateRange = { preset: "30", to: today(), from: daysAgo(today(), 29) }
  let error: string | null = null
  if (preset === "custom") {
    const from = params.get(`${prefix}from`)
    const to = params.get(`${prefix}to`)
    if (isDay(from) && isDay(to) && from <= to && (Date.parse(to) - Date.parse(from)) / DAY_MS < MAX_DAYS) {
      range = { preset, from, to }
    } else {
      error = "Choose a start day before the end day, at most three years apart."
      range = { preset, from: isDay(from) ? from : range.from, to: isDay(to) ? to : range.to }
      range = range.from <= range.to ? range : { ...range, from: daysAgo(range.to, 29) }
    }
  } else if (PRESETS.some((days) => String(days) === preset)) {
    range = { preset, to: today(), from: daysAgo(today(), Number(preset) - 1) }
  }
  const set = (next: Partial<DateRange>) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current)
        const value = { ...range, ...next }
        merged.set(`${prefix}range`, value.preset)
        if (value.preset === "custom") {
          merged.set(`${prefix}from`, value.from)
          merged.set(`${prefix}to`, value.to)
        } else {
          merged.delete(`${prefix}from`)
          merged.delete(`${prefix}to`)
        }
        return merged
      },
      { replace: true }
    )
  return { ...range, error, set }
}

/** The range picker: a preset, or custom days from–to. */
export const DateRangePicker = ({ range, testId = "date-range" }: { range: ReturnType<typeof useDateRange>; testId?: string }) => (
  <div className="flex flex-wrap items-end gap-2" data-testid={testId}>
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall" htmlFor={`${testId}-preset`}>
        Range
      </Label>
      <Select
        value={range.preset}
        onValueChange={(preset) => range.set(preset === "custom" ? { preset, from: range.from, to: range.to } : { preset })}
      >
        <Select.Trigger id={`${testId}-preset`} className="w-44" data-testid={`${testId}-preset`}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {PRESETS.map((days) => (
            <Select.Item key={days} value={String(days)}>
              {days === 365 ? "Last 365 days" : `Last ${days} days`}
            </Select.Item>
          ))}
          <Select.Item value="custom">Custom range</Select.Item>
        </Select.Content>
      </Select>
    </div>
    {range.preset === "custom" && (
      <>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${testId}-from`}>
            From
          </Label>
          <Input
            id={`${testId}-from`}
            type="date"
            size="small"
            value={range.from}
            max={range.to}
            onChange={(event) => isDay(event.target.value) && range.set({ from: event.target.value })}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${testId}-to`}>
            To
          </Label>
          <Input
            id={`${testId}-to`}
            type="date"
            size="small"
            value={range.to}
            min={range.from}
            onChange={(event) => isDay(event.target.value) && range.set({ to: event.target.value })}
          />
        </div>
      </>
    )}
    {range.error && (
      <Text size="xsmall" className="text-ui-fg-error">
        {range.error}
      </Text>
    )}
  </div>
)
