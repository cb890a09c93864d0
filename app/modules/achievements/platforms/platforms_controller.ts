import type { HttpContext } from '@adonisjs/core/http'
import { guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { areaMessages } from '#core/http/form_messages'
import { regionOptions } from '#core/regions/region_options'
import { SCOPED_ROLES } from '#core/accounts/roles'
import regionDirectory from '#core/regions/region_directory'
import InnovationPlatform, { PLATFORM_KINDS, PLATFORM_LEVELS } from '#modules/achievements/models/innovation_platform'
import PlatformPolicy from '#modules/achievements/platforms/policy'
import { savePlatform } from '#modules/achievements/platforms/platform_actions'
import { isMapCounty, platformMap, platformsOf } from '#modules/achievements/platforms/platform_queries'
import { PLATFORM_MESSAGES, platformValidator } from '#modules/achievements/platforms/validators'

const FORM = { errorsTarget: '#platform-form-errors' }

/** 农村双创平台: the county map (示意图), each county's list, a platform's page, and the centres' registry. */
export default class PlatformsController {
  async map({ view, i18n }: HttpContext) {
    const { map, legend, counts } = await platformMap((name, count) => i18n.t('achievements.platforms.map.county_title', { name, count }))
    const withPlatforms = map.counties.filter((county) => counts[county.code])
    return view.render('achievements/platforms/pages/map', { map, legend, withPlatforms, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) })
  }

  /** A county's platforms; a code that is no county of the map is 404. */
  async county(ctx: HttpContext) {
    const code = String(ctx.params.code)
    if (!isMapCounty(code)) return ctx.response.notFound()
    const page = Math.min(Math.max(Number.parseInt(String(ctx.request.qs().page ?? '1'), 10) || 1, 1), 1000)
    const result = await platformsOf(code, page)
    const pageLink = (n: number) => `/achievements/platforms/counties/${code}?page=${n}`
    return renderPageOrFragment(ctx, 'achievements/platforms/pages/county', 'achievements/platforms/partials/list', {
      code,
      result,
      previous: page > 1 ? pageLink(page - 1) : null,
      next: result.hasMore ? pageLink(page + 1) : null,
      mayKeep: ctx.auth.user ? await ctx.bouncer.with(PlatformPolicy).allows('keep') : false,
    })
  }

  async show({ params, view, response, auth, bouncer }: HttpContext) {
    const platform = await InnovationPlatform.find(params.id)
    if (!platform) return response.notFound()
    return view.render('achievements/platforms/pages/show', {
      platform,
      countyName: await regionDirectory.fullName(platform.countyCode),
      mayEdit: auth.user ? await bouncer.with(PlatformPolicy).allows('edit', platform) : false,
    })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(PlatformPolicy).authorize('keep')
    return this.#form(ctx, null)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PlatformPolicy).authorize('keep')
    return this.#save(ctx, null)
  }

  async edit(ctx: HttpContext) {
    const platform = await InnovationPlatform.find(ctx.params.id)
    if (!platform) return ctx.response.notFound()
    await ctx.bouncer.with(PlatformPolicy).authorize('edit', platform)
    return this.#form(ctx, platform)
  }

  async update(ctx: HttpContext) {
    const platform = await InnovationPlatform.find(ctx.params.id)
    if (!platform) return ctx.response.notFound()
    await ctx.bouncer.with(PlatformPolicy).authorize('edit', platform)
    return this.#save(ctx, platform)
  }

  async #save(ctx: HttpContext, platform: InnovationPlatform | null) {
    const { request, auth, i18n, session, response } = ctx
    const saved = await guardForm(ctx, FORM, async () => {
      const input = await request.validateUsing(platformValidator, { messagesProvider: areaMessages(i18n, PLATFORM_MESSAGES) })
      return savePlatform({ actor: auth.getUserOrFail(), ip: request.ip() }, platform, {
        name: input.name,
        kind: input.kind,
        level: input.level,
        countyCode: input.county_code,
        address: input.address,
        services: input.services,
        contact: input.contact,
      })
    })
    session.flash('success', i18n.t('achievements.platforms.saved'))
    return response.redirect(`/achievements/platforms/${saved.id}`)
  }

  async #form({ view, auth }: HttpContext, platform: InnovationPlatform | null) {
    const options = await regionOptions(await auth.getUserOrFail().scopesFor(...SCOPED_ROLES))
    return view.render('achievements/platforms/pages/form', {
      platform,
      counties: options.filter((option) => option.level === 'county'),
      kinds: PLATFORM_KINDS,
      levels: PLATFORM_LEVELS,
    })
  }
}
