import { Faker, base, en, zh_CN } from '@faker-js/faker'

/**
 * Chinese names and words for the factories. Seeded, so a test run builds the same
 * people in the same order every time: a failure reproduces, and no run depends on
 * luck (two people never share a name by chance in one run and not the next).
 */
export const zhFaker = new Faker({ locale: [zh_CN, en, base], seed: 510104 })
