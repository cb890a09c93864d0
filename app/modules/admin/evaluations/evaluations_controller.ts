import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { DateTime } from 'luxon'
import { actingAs } from '#core/accounts/acting'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { clock } from '#core/clock'
import { areaMessages } from '#core/http/form_messages'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { computeScores, publishNotice, setTarget, targetsOf } from '#modules/admin/evaluations/evaluation_actions'
import { rankingOf } from '#modules/admin/evaluations/evaluation_queries'
import { lastMonth, periodRange } from '#modules/admin/evaluations/evaluation_score'
import EvaluationPolicy from '#modules/admin/evaluations/policy'
import { EVALUATION_MESSAGES, computeValidator, noticeValidator, rankingValidator, targetValidator } from '#modules/admin/evaluations/validators'

const RANKING = 'admin/evaluations/partials/ranking'

/** 考核: a city's county centres ranked by score for a month or year, computing the scores, the counties' targets, publishing a 通报. */
export default class EvaluationsController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.with(EvaluationPolicy).authorize('enter')
    const input = await request.validateUsing(rankingValidator, { data: request.qs(), messagesProvider: areaMessages(i18n, EVALUATION_MESSAGES) })
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const city = input.city ? RegionScope.fromRegionCode(input.city) : defaultCity(scopes)
    await bouncer.with(EvaluationPolicy).authorize('city', city)
    const period = input.period ?? lastMonth(DateTime.fromJSDate(clock.now()))
    const data = await this.#rankingData(ctx, city, period)
    return renderPageOrFragment(ctx, 'admin/evaluations/pages/index', RANKING, {
      ...data,
      cities: await citiesFor(scopes),
      canCompute: await bouncer.with(EvaluationPolicy).allows('compute', city),
      canPublish: await bouncer.with(EvaluationPolicy).allows('publish', city),
      counties: await this.#targetCounties(ctx, city, periodRange(period)!.year),
      year: periodRange(period)!.year,
    })
  }

  async compute(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.with(EvaluationPolicy).authorize('enter')
    const form = { errorsTarget: '#compute-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(computeValidator, { messagesProvider: areaMessages(i18n, EVALUATION_MESSAGES) }))
    const city = RegionScope.fromRegionCode(input.city)
    await bouncer.with(EvaluationPolicy).authorize('city', city)
    await bouncer.with(EvaluationPolicy).authorize('compute', city)
    const count = await computeScores(await actingAs(auth.getUserOrFail(), request.ip()), city, input.period)
    return formDone(ctx, {
      message: i18n.t('admin.evaluations.computed', { count, period: input.period }),
      redirectTo: indexUrl(input.city, input.period),
      fragment: async (status) => ctx.view.render(RANKING, { ...(await this.#rankingData(ctx, city, input.period)), status }),
    })
  }

  async storeTarget(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.with(EvaluationPolicy).authorize('enter')
    const form = { errorsTarget: '#target-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(targetValidator, { messagesProvider: areaMessages(i18n, EVALUATION_MESSAGES) }))
    await bouncer.with(EvaluationPolicy).authorize('setTarget', input.county_code)
    await setTarget(await actingAs(auth.getUserOrFail(), request.ip()), input.county_code, input.year, input.monthly_valid)
    const county = await regionDirectory.fullName(input.county_code)
    const message = i18n.t('admin.evaluations.target_saved', { county, year: input.year, target: input.monthly_valid })
    return formDone(ctx, {
      message,
      redirectTo: indexUrl(RegionScope.fromRegionCode(input.county_code).city.regionCode, String(input.year)),
      fragment: async (status) => {
        const city = RegionScope.fromRegionCode(input.county_code).city
        return ctx.view.render('admin/evaluations/partials/targets', { counties: await this.#targetCounties(ctx, city, input.year), year: input.year, status })
      },
    })
  }

  async storeNotice(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response, session } = ctx
    await bouncer.with(EvaluationPolicy).authorize('enter')
    const form = { errorsTarget: '#notice-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(noticeValidator, { messagesProvider: areaMessages(i18n, EVALUATION_MESSAGES) }))
    const region = RegionScope.fromRegionCode(input.region)
    await bouncer.with(EvaluationPolicy).authorize('publish', region)
    const id = await guardForm(ctx, form, async () =>
      publishNotice(await actingAs(auth.getUserOrFail(), request.ip()), region, { period: input.period, title: input.title, body: input.body })
    )
    session.flash('success', i18n.t('admin.evaluations.notice_published'))
    return response.redirect().toRoute('admin.notices.show', { id })
  }

  async #rankingData({ auth }: HttpContext, city: RegionScope, period: string) {
    const ranking = await rankingOf(city, period, await auth.getUserOrFail().scopesFor(...SCOPED_ROLES))
    return { ranking, city: city.regionCode, cityName: await regionDirectory.fullName(city.regionCode), period }
  }

  /** The counties whose targets the viewer sets (a city's administrators, or the province's), with this year's. */
  async #targetCounties({ bouncer }: HttpContext, city: RegionScope, year: number) {
    const counties = (await regionDirectory.countiesOf(city.regionCode)).map((county) => county.code)
    const allowed = []
    for (const code of counties) if (await bouncer.with(EvaluationPolicy).allows('setTarget', code)) allowed.push(code)
    if (!allowed.length) return []
    const [targets, names] = await Promise.all([targetsOf(allowed, year), regionDirectory.fullNames(allowed)])
    return allowed.map((code) => ({ code, name: names[code], target: targets.get(code)!, year }))
  }
}

function indexUrl(city: string, period: string) {
  return `${router.makeUrl('admin.evaluations.index')}?${new URLSearchParams({ city, period })}`
}

/** The city a ranking opens on: the viewer's own, or 成都 for the province. */
function defaultCity(scopes: RegionScope[]): RegionScope {
  const widest = [...scopes].sort((a, b) => a.prefix.length - b.prefix.length || a.prefix.localeCompare(b.prefix))[0]
  return widest.level === 'province' ? RegionScope.fromPrefix('5101') : widest.city
}

/** The cities whose ranking the viewer opens: those their scopes cover, and the city of each county scope. */
async function citiesFor(scopes: RegionScope[]) {
  const cities = await regionDirectory.cities()
  return cities
    .filter((city) => scopes.some((scope) => scope.covers(RegionScope.fromRegionCode(city.code)) || scope.city.regionCode === city.code))
    .map((city) => ({ code: city.code, name: city.name }))
}
