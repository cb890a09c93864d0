/**
 * The fixed words of content safety. Labels live in resources/lang/<locale>/moderation.json.
 */

/** A module that publishes dynamic content (DESIGN §2, §6); each has its own breakers. */
export type ModeratedModule = string

const moderatedModules = new Map<ModeratedModule, string>()

/** A module says from its start file that it screens content; `label` is the i18n key of its name (e.g. 专家服务). */
export function registerModeratedModule(name: ModeratedModule, label: string) {
  moderatedModules.set(name, label)
}

/** Module name → i18n key of its label, in registration order. */
export function moderatedModuleLabels(): Record<ModeratedModule, string> {
  return Object.fromEntries(moderatedModules)
}

export function isModeratedModule(name: string): name is ModeratedModule {
  return moderatedModules.has(name)
}

/** 政治, 色情, 赌博, 诈骗, 广告, 辱骂 */
export const WORD_CATEGORIES = ['politics', 'sexual', 'gambling', 'fraud', 'advertising', 'abuse'] as const
export type WordCategory = (typeof WORD_CATEGORIES)[number]

/** hold: published only after a reviewer approves; block: refused outright. */
export const WORD_ACTIONS = ['hold', 'block'] as const
export type WordAction = (typeof WORD_ACTIONS)[number]

export type Verdict = 'pass' | 'hold' | 'block'
export type ReviewDecision = 'approved' | 'rejected'
