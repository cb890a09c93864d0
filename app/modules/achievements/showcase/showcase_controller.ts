import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { DateTime } from 'luxon'
import { inBeijing } from '#core/clock'
import { renderPageOrFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import { expertFigures, findVerifiedExpert, serviceStars } from '#modules/experts/public'
import Lecture from '#modules/achievements/models/lecture'
import ExpertStory from '#modules/achievements/models/expert_story'
import { mayWriteStoryOf, storyPhotos } from '#modules/achievements/showcase/story_actions'
import { SCOPED_ROLES } from '#core/accounts/roles'

/**
 * 特派员风采: a verified expert's showcase built from the log — cases answered and their
 * ratings (experts' figures), the bounties they completed and how the owners rated them,
 * and their lectures. Unverified and unknown experts are 404.
 */
export default class ShowcaseController {
  async show({ params, view, response, auth }: HttpContext) {
    const expert = await findVerifiedExpert(params.id)
    if (!expert) return response.notFound()
    const story = await ExpertStory.findBy('expert_id', expert.id)
    const user = auth.user
    const [figures, lectures, bounties, photos, canWriteStory] = await Promise.all([
      expertFigures(expert.id),
      Lecture.query().where('expert_user_id', expert.userId).orderBy('id', 'desc').limit(10),
      db
        .from('achievements_bounties as b')
        .join('achievements_bounty_claims as c', 'c.id', 'b.claim_id')
        .where('c.expert_user_id', expert.userId)
        .where('b.status', 'done')
        .select(db.raw('count(*)::int AS done'), db.raw('avg(b.owner_rating)::float8 AS rating'))
        .first(),
      storyPhotos(story),
      user ? user.scopesFor(...SCOPED_ROLES).then((scopes) => mayWriteStoryOf(scopes, expert)) : false,
    ])
    return view.render('achievements/showcase/pages/show', {
      expert,
      figures,
      lectures,
      story,
      photos,
      canWriteStory,
      bountiesDone: bounties?.done ?? 0,
      bountyRating: bounties?.rating === null || bounties?.rating === undefined ? null : Math.round(bounties.rating * 10) / 10,
      place: await regionDirectory.fullName(expert.countyCode),
      industryNames: Object.fromEntries(await industryNames()),
    })
  }

  /**
   * 服务之星: a city's experts with the most cases of its farmers in a month (the last
   * whole Beijing month unless `month=YYYY-MM`), from experts' rollups. An unknown city
   * or a malformed month is 404.
   */
  async stars(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const cities = await regionDirectory.cities()
    const cityCode = typeof qs.city === 'string' && qs.city ? qs.city : cities[0]?.code
    const city = cities.find((region) => region.code === cityCode)
    const month = typeof qs.month === 'string' && qs.month ? DateTime.fromFormat(qs.month, 'yyyy-MM', { zone: 'Asia/Shanghai' }) : inBeijing().startOf('month').minus({ months: 1 })
    if (!city || !month.isValid) return ctx.response.notFound()
    return renderPageOrFragment(ctx, 'achievements/showcase/pages/stars', 'achievements/showcase/partials/stars', {
      cities,
      city,
      month: month.toFormat('yyyy-MM'),
      stars: await serviceStars(RegionScope.fromRegionCode(city.code).prefix, month),
    })
  }
}
