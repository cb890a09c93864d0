import i18nManager from '@adonisjs/i18n/services/main'
import { SEASONS, type Season } from '#core/seasons'

/*
 * A product's seasons (#core/seasons): the farming seasons it is on offer in, none meaning
 * all year (常年有货).
 */

/** The seasons in calendar order, without repeats (a form's ticks arrive in any order). */
export function orderedSeasons(seasons: readonly string[] | undefined): Season[] {
  return SEASONS.filter((season) => seasons?.includes(season))
}

/**
 * The seasons in words for the search document and the review queue ("春季 夏季", "常年有货"),
 * in Chinese whatever the viewer's language: that is what people search for and reviewers read.
 */
export function seasonWords(seasons: readonly Season[]) {
  const i18n = i18nManager.locale('zh-CN')
  return seasons.length ? seasons.map((season) => i18n.t(`supply.seasons.${season}`)).join(' ') : i18n.t('supply.shops.products.all_year')
}
