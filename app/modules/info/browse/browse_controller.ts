import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'
import { renderPageOrFragment } from '#core/http/render'
import { industryList } from '#core/industries/industry_directory'
import { browseFilters, findPublished, listPublished } from '#modules/info/browse/browse_queries'
import { currentVersionOf, namesFor } from '#modules/info/records/record_queries'
import { RECORD_KINDS } from '#modules/info/shared/record_states'
import { documentsOf, photosOf } from '#modules/info/shared/record_photos'

/** 产业信息 for everyone: published records by kind × industry × region, and a record's page. */
export default class BrowseController {
  async index(ctx: HttpContext) {
    const filters = await browseFilters(ctx.request.qs())
    const { records, snippets } = await listPublished(filters)
    // The list's page links carry the filters that are set, and nothing else.
    const pageQuery = Object.fromEntries(
      Object.entries({ q: filters.q, kind: filters.kind, industry: filters.industry, city: filters.city, county_code: filters.county }).filter(([, value]) => value)
    )
    return renderPageOrFragment(ctx, 'info/browse/pages/index', 'info/browse/partials/record_list', {
      filters,
      records,
      snippets,
      pageQuery,
      kinds: RECORD_KINDS,
      industries: await industryList(),
      regionTree: await regionDirectory.tree(),
      ...(await namesFor(records.all())),
    })
  }

  async show({ params, view, response }: HttpContext) {
    const record = await findPublished(params.id)
    if (!record) {
      // A link to a version a correction replaced leads to the version now public.
      const current = Number.isSafeInteger(Number(params.id)) ? await currentVersionOf(Number(params.id)) : null
      if (current) return response.redirect().toRoute('info.browse.show', { id: current })
      return response.notFound(await view.render('errors/not_found'))
    }
    return view.render('info/browse/pages/show', { record, photos: await photosOf(record), documents: await documentsOf(record), region: await regionDirectory.fullName(record.regionCode), ...(await namesFor([record])) })
  }
}
