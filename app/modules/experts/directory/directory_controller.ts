import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'
import Media from '#core/media/media'
import { onReplica } from '#core/database/replica'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import Expert from '#modules/experts/models/expert'
import { REVIEW_ROLES } from '#modules/experts/profiles/policy'
import { availabilityOf, directoryFilters, durationParts, expertFigures, findVerifiedExpert, listDirectory } from '#modules/experts/profiles/profile_queries'
import { industryList, industryNames } from '#core/industries/industry_directory'

export default class ProfilesDirectoryController {
  /** 找专家: the filter form and the list; htmx gets the list alone. */
  async index(ctx: HttpContext) {
    const filters = await directoryFilters(ctx.request.qs())
    // A public list that may be a moment behind: the read replica answers it when there is one.
    const result = await onReplica((client) => listDirectory(filters, client))
    const { page: _page, ...kept } = filters
    // The list's page links carry the filters that are set, and nothing else.
    const pageQuery = Object.fromEntries(
      Object.entries({ q: kept.q, industry: kept.industry, city: kept.city, county_code: kept.county, level: kept.level }).filter(([, value]) => value)
    )
    return renderPageOrFragment(ctx, 'experts/directory/pages/directory', 'experts/directory/partials/directory_list', {
      filters,
      result,
      pageQuery,
      regionNames: await regionDirectory.fullNames(result.entries.map((entry) => entry.countyCode)),
      industryNames: Object.fromEntries(await industryNames()),
      industries: await industryList(),
      regionTree: await regionDirectory.tree(),
      links: wantsFragment(ctx) ? null : await this.#links(ctx),
    })
  }

  /** Below the list: the way in for experts, and for centre staff the review queue. */
  async #links({ auth }: HttpContext) {
    const user = auth.user
    if (!user) return { profile: false, reviews: false }
    return {
      profile: !!(await Expert.query().where('user_id', user.id).select('id').first()),
      reviews: await user.hasRole(...REVIEW_ROLES),
    }
  }

  /** A verified expert's public page; anything else is not found. */
  async show({ params, view, response }: HttpContext) {
    const expert = await findVerifiedExpert(params.id)
    if (!expert) return response.notFound(await view.render('errors/not_found'))
    const figures = await expertFigures(expert.id)
    return view.render('experts/directory/pages/show', {
      expert,
      figures,
      responseTime: figures.medianFirstResponseSeconds === null ? null : durationParts(figures.medianFirstResponseSeconds),
      availability: availabilityOf(expert),
      photo: expert.photoId ? await Media.find(expert.photoId) : null,
      region: await regionDirectory.fullName(expert.countyCode),
      industryNames: Object.fromEntries(await industryNames()),
    })
  }
}
