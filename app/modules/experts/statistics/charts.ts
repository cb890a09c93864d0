/*
 * Geometry of the statistics charts, drawn as inline SVG by Edge components
 * (resources/views/experts/statistics/partials/*_chart.edge): no chart library
 * crosses a 2G link, and the page works without JavaScript.
 */

export interface Bar {
  label: string
  value: number
  /** Top of the bar's row. */
  y: number
  width: number
}

export interface BarChart {
  width: number
  height: number
  labelWidth: number
  barHeight: number
  bars: Bar[]
}

/** Horizontal bars (Chinese labels stay readable on a 360 px screen), longest = full width. */
export function barChart(items: { label: string; value: number }[], options: { width?: number; labelWidth?: number } = {}): BarChart {
  const width = options.width ?? 320
  const labelWidth = options.labelWidth ?? 96
  const barHeight = 18
  const gap = 8
  const room = width - labelWidth - 48
  const max = Math.max(0, ...items.map((item) => item.value))
  return {
    width,
    height: Math.max(1, items.length * (barHeight + gap)),
    labelWidth,
    barHeight,
    bars: items.map((item, index) => ({
      label: item.label,
      value: item.value,
      y: index * (barHeight + gap),
      width: max > 0 ? Math.max(item.value > 0 ? 1 : 0, Math.round((item.value / max) * room)) : 0,
    })),
  }
}

export interface LineChart {
  width: number
  height: number
  /** SVG path of the line. */
  path: string
  points: { x: number; y: number; label: string; value: number }[]
  max: number
  baseline: number
}

/** One line over evenly spaced points, y from 0 to the largest value. */
export function lineChart(points: { label: string; value: number }[], options: { width?: number; height?: number } = {}): LineChart {
  const width = options.width ?? 320
  const height = options.height ?? 120
  const top = 12
  const baseline = height - 18
  const left = 4
  const right = width - 4
  const max = Math.max(0, ...points.map((point) => point.value))
  const step = points.length > 1 ? (right - left) / (points.length - 1) : 0
  const placed = points.map((point, index) => ({
    label: point.label,
    value: point.value,
    x: round(points.length > 1 ? left + index * step : width / 2),
    y: round(max > 0 ? baseline - (point.value / max) * (baseline - top) : baseline),
  }))
  const path = placed.map((point, index) => `${index ? 'L' : 'M'}${point.x} ${point.y}`).join(' ')
  return { width, height, path, points: placed, max, baseline }
}

const round = (value: number) => Math.round(value * 10) / 10

/**
 * Every bucket of the range (days, ISO weeks starting Monday, or months), with
 * zero where no case was submitted, so gaps show as dips instead of vanishing.
 */
export function fillBuckets(
  series: { bucket: string; cases: number }[],
  first: string,
  last: string,
  unit: 'day' | 'week' | 'month'
): { bucket: string; cases: number }[] {
  const counts = new Map(series.map((item) => [item.bucket, item.cases]))
  const start = new Date(`${first}T00:00:00Z`)
  if (unit === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7))
  if (unit === 'month') start.setUTCDate(1)
  const end = new Date(`${last}T00:00:00Z`)
  const filled: { bucket: string; cases: number }[] = []
  for (const cursor = start; cursor <= end; ) {
    const bucket = cursor.toISOString().slice(0, 10)
    filled.push({ bucket, cases: counts.get(bucket) ?? 0 })
    if (unit === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1)
    else if (unit === 'week') cursor.setUTCDate(cursor.getUTCDate() + 7)
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  }
  return filled
}
