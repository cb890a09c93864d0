import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'
import { renderPageOrFragment } from '#core/http/render'
import { industryList, industryNames } from '#core/industries/industry_directory'
import KnowledgePolicy from '#modules/experts/knowledge/policy'
import { SEASONS } from '#core/seasons'
import { findPublished, knowledgeFilters, listPublished, mergedInto } from '#modules/experts/knowledge/knowledge_queries'
import { publicPhotosOf } from '#modules/experts/knowledge/entry_photos'

/** 农技知识库 for everyone, no login: the list (industry, search, pages) and an entry's page. */
export default class KnowledgeController {
  async index(ctx: HttpContext) {
    const filters = await knowledgeFilters(ctx.request.qs())
    const entries = await listPublished(filters)
    // Page links carry the filters that are set, and nothing else.
    const pageQuery = Object.fromEntries(Object.entries({ industry: filters.industry, season: filters.season, q: filters.q }).filter(([, value]) => value))
    return renderPageOrFragment(ctx, 'experts/knowledge/pages/index', 'experts/knowledge/partials/entry_list', {
      filters,
      seasons: SEASONS,
      entries,
      pageQuery,
      industries: await industryList(),
      industryNames: Object.fromEntries(await industryNames()),
      cityNames: await regionDirectory.fullNames(entries.all().map((entry) => entry.cityCode)),
    })
  }

  async show({ params, view, response, request, auth, bouncer }: HttpContext) {
    const entry = await findPublished(params.id)
    if (!entry) {
      // A duplicate merged away: its shared links lead on to the entry it went into.
      const into = await mergedInto(params.id)
      if (into) return response.redirect().status(301).toPath(`/knowledge/${into.id}`)
      return response.notFound(await view.render('errors/not_found'))
    }
    // Public page: a signed-in member of the entry's centre also sees the links to look after it.
    await auth.check()
    const manages = auth.user ? await bouncer.with(KnowledgePolicy).allows('manage', entry) : false
    const photos = await publicPhotosOf(entry)
    return view.render('experts/knowledge/pages/show', {
      // The first chosen photo is the share card's picture.
      ogImage: photos[0] ? `${request.protocol()}://${request.host()}${photos[0].url('full')}` : undefined,
      entry,
      manages,
      photos,
      industryName: (await industryNames()).get(entry.industryCode) ?? '',
      cityName: await regionDirectory.fullName(entry.cityCode),
    })
  }
}
