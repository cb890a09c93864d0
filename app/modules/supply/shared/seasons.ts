import { today } from '#core/clock'

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const
export type Season = (typeof SEASONS)[number]

/** The farming calendar's seasons by Beijing month: 3–5 spring, 6–8 summer, 9–11 autumn, 12–2 winter. */
export function seasonOf(month: number): Season {
  return SEASONS[(Math.floor(month / 3) + 3) % 4]
}

export const currentSeason = () => seasonOf(today().month)
