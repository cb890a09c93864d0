/**
 * The platform's idea of "now". Deadlines (1 h triage, 3 h response, 7 days
 * follow-up) are tested by moving this clock instead of waiting; production never
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
