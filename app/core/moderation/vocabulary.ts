/**
 * The fixed words of content safety. Labels live in resources/lang/<locale>/moderation.json.
 */

/** Modules that publish dynamic content (DESIGN §2, §6); each has its own breakers. */
export const MODERATED_MODULES = ['experts', 'info', 'supply', 'achievements'] as const
export type ModeratedModule = (typeof MODERATED_MODULES)[number]

/** 政治, 色情, 赌博, 诈骗, 广告, 辱骂 */
export const WORD_CATEGORIES = ['politics', 'sexual', 'gambling', 'fraud', 'advertising', 'abuse'] as const
export type WordCategory = (typeof WORD_CATEGORIES)[number]

/** hold: published only after a reviewer approves; block: refused outright. */
export const WORD_ACTIONS = ['hold', 'block'] as const
export type WordAction = (typeof WORD_ACTIONS)[number]

export type Verdict = 'pass' | 'hold' | 'block'
export type ReviewDecision = 'approved' | 'rejected'
