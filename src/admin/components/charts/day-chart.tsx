import { Text } from "@medusajs/ui"

export type ChartSeries = {
  label: string
  /** One value per day of `days`. */
  values: number[]
  /** A Tailwind stroke/fill colour class pair, e.g. "stroke-ui-tag-blue-icon fill-ui-tag-blue-icon". */
  color: string
  /** How a value reads, e.g. as money. */
  format?: (value: number) => string
}

const WIDTH = 600
const HEIGHT = 140
const PAD = { top: 12, right: 12, bottom: 22, left: 12 }

/**
 * A series by day as plain SVG: a line through one point per day, the
 * largest value marked, the first and last days under it. Each point has a
 * title (the day and its value) shown on hover. No chart library: a few
 * paths are all a funnel by day needs.
 */
export const DayChart = ({ days, series, testId }: { days: string[]; series: ChartSeries; testId?: string }) => {
  const max = Math.max(0, ...series.values)
  const format = series.format ?? ((value: number) => value.toLocaleString())
  const x = (i: number) =>
    PAD.left + (days.length <= 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (i * (WIDTH - PAD.left - PAD.right)) / (days.length - 1))
  const y = (value: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (max ? value / max : 0))
  const points = series.values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`)
  // Dots only where a reader can tell them apart; the line carries the rest.
  const dotted = days.length <= 120
  return (
    <div className="flex flex-col gap-y-1" data-testid={testId}>
      <div className="flex items-baseline justify-between">
        <Text size="small" weight="plus">
          {series.label}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          peak {format(max)}
        </Text>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${series.label} by day`}
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="stroke-ui-border-base"
          strokeWidth={1}
        />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top} y2={PAD.top} className="stroke-ui-border-base" strokeDasharray="4 4" strokeWidth={1} />
        {points.length > 1 && (
          <polyline points={points.join(" ")} fill="none" className={series.color} style={{ fill: "none" }} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        )}
        {series.values.map((value, i) => (
          <circle
            key={days[i]}
            cx={x(i)}
            cy={y(value)}
            r={dotted || (max > 0 && value === max) ? 3 : 0}
            className={series.color}
            data-point={days[i]}
            data-value={value}
            vectorEffect="non-scaling-stroke"
          >
            <title>{`${days[i]}: ${format(value)}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={HEIGHT - 6} className="fill-ui-fg-muted" style={{ fontSize: 10 }}>
          {days[0]}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="fill-ui-fg-muted" style={{ fontSize: 10 }}>
          {days[days.length - 1]}
        </text>
      </svg>
    </div>
  )
}

/** Every UTC day from `from` to `to`, inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length < 1200; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}
