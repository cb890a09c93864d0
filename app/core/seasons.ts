import { today } from '#core/clock'

/*
 * The farming calendar's seasons by Beijing month — 3–5 spring, 6–8 summer, 9–11 autumn,
 * 12–2 winter — for whatever comes back with the season: farm problems (稻瘟 in the rains,
 * 冻害 in winter) and what sells.
 */
export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const
export type Season = (typeof SEASONS)[number]

export const SEASON_MONTHS: Record<Season, readonly number[]> = { spring: [3, 4, 5], summer: [6, 7, 8], autumn: [9, 10, 11], winter: [12, 1, 2] }

export function seasonOf(month: number): Season {
  return SEASONS[(Math.floor(month / 3) + 3) % 4]
}

export const currentSeason = () => seasonOf(today().month)

export const isSeason = (value: unknown): value is Season => SEASONS.includes(value as Season)
