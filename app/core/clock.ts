import { DateTime } from 'luxon'

/**
 * The platform's idea of "now". Deadlines (hours to respond, days to follow
 * up, DESIGN §3) are tested by moving this clock instead of waiting; production never
 * sets it. Code that compares against deadlines reads clock.now(), and SQL that does
 * so receives it as a parameter rather than calling now().
 */
let offsetMs = 0

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs)
  },
  /** Tests only: moves time forward (or back) by ms for every later clock.now(). */
  travel(ms: number) {
    offsetMs += ms
  },
  reset() {
    offsetMs = 0
  },
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/**
 * Sichuan keeps Beijing time: a day of the platform (a scheduled day, "away until 5 May",
 * a statistics range, a phone's daily SMS cap) runs from Beijing midnight to Beijing
 * midnight, and times are printed as a Beijing wall clock. The only place that names the zone.
 */
export const BEIJING = 'Asia/Shanghai'

/** A moment (by default the platform's now) in Beijing time. */
export function inBeijing(at: Date | DateTime = clock.now()): DateTime {
  return (at instanceof Date ? DateTime.fromJSDate(at) : at).setZone(BEIJING)
}

/** Beijing midnight that starts the day of `at` (by default today, on the platform clock). */
export function today(at: Date | DateTime = clock.now()): DateTime {
  return inBeijing(at).startOf('day')
}

/** Today's date in Beijing as YYYY-MM-DD, on the platform clock. */
export function todayIso(): string {
  return today().toISODate()!
}

/** A calendar day as typed in a form (yyyy-MM-dd) at Beijing midnight; invalid if no such day. */
export function beijingDate(day: string): DateTime {
  return DateTime.fromFormat(day, 'yyyy-MM-dd', { zone: BEIJING })
}

/** A moment as a Beijing wall clock, "2026-05-05 14:30" by default. */
export function beijingTime(at: Date | DateTime, format = 'yyyy-MM-dd HH:mm'): string {
  return inBeijing(at).toFormat(format)
}
