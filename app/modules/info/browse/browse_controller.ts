import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'
import { renderPageOrFragment } from '#core/http/render'
import { industryList } from '#core/industries/industry_directory'
import { browseFilters, findPublished, listPublished } from '#modules/info/browse/browse_queries'
import { currentVersionOf, namesFor } from '#modules/info/records/record_queries'
import { RECORD_KINDS } from '#modules/info/shared/record_states'
import { documentsOf, photosOf } from '#modules/info/shared/record_photos'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'
import { relatedOf, solvedOf } from '#modules/info/shared/record_links'
import { PdfFontMissingError, recordPdf } from '#modules/info/browse/record_pdf'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { audit } from '#core/audit/audit'
import { BEIJING } from '#core/clock'
import { attachmentDisposition } from '#core/media/serve'

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
    return view.render('info/browse/pages/show', {
      record,
      photos: await photosOf(record),
      documents: await documentsOf(record),
      related: await relatedOf(record),
      solved: await solvedOf(record),
      expertsQuery: expertsQueryOf(record),
      region: await regionDirectory.fullName(record.regionCode),
      ...(await namesFor([record])),
    })
  }

  /**
   * The published record as a PDF for a signed-in person: watermarked with their masked
   * phone and the time on every page, the IP owner in every footer, locked against
   * editing and copying. Every download is audited. Anything unpublished is 404.
   */
  async pdf(ctx: HttpContext) {
    const { params, view, response, i18n, auth, request } = ctx
    const user = auth.getUserOrFail()
    const record = await findPublished(params.id)
    if (!record) return response.notFound(await view.render('errors/not_found'))
    const region = await regionDirectory.fullName(record.regionCode)
    const { industryNames, regionNames } = await namesFor([record])
    const t = (key: string, data?: Record<string, unknown>) => i18n.t(`info.pdf.${key}`, data)
    const now = DateTime.now().setZone(BEIJING).toFormat('yyyy-MM-dd HH:mm')
    const platform = i18n.t('app.name')
    const facts = record.entityName
      ? [
          `${i18n.t('info.fields.entity_name')}：${record.entityName}`,
          `${i18n.t('info.fields.credit_code')}：${record.creditCode}`,
          ...(record.entityCountyCode ? [`${i18n.t('info.fields.entity_county_code')}：${regionNames[record.entityCountyCode]}`] : []),
          ...(record.entityProducts ? [`${i18n.t('info.fields.entity_products')}：${record.entityProducts}`] : []),
          ...(record.entityContact ? [`${i18n.t('info.fields.entity_contact')}：${record.entityContact}`] : []),
        ]
      : []
    let pdf: Buffer
    try {
      pdf = await recordPdf(
        {
          title: record.title,
          meta: [
            i18n.t(`info.categories.${record.category}`),
            i18n.t(`info.kinds.${record.kind}`),
            record.industries.map((code) => industryNames[code]).join('、'),
            region,
            i18n.t('info.browse.published_at', { date: record.publishedAt?.setZone(BEIJING).toFormat('yyyy-MM-dd') }),
          ].join(' · '),
          summary: record.summary,
          body: record.body,
          facts,
          ipOwner: record.ipOwner,
          source: record.source,
          photos: await photosOf(record),
        },
        {
          platform,
          footer: [t('footer_owner', { owner: record.ipOwner }), record.source ? t('footer_source', { source: record.source }) : null, platform].filter(Boolean).join(' · '),
          page: (page, pages) => t('page', { page, pages }),
          watermark: t('watermark', { who: user.maskedPhone, time: now, platform }),
          ipNotice: i18n.t('info.browse.ip_notice', { owner: record.ipOwner }),
        }
      )
    } catch (error) {
      if (!(error instanceof PdfFontMissingError)) throw error
      return response.status(503).send(await view.render('info/browse/pages/pdf_unavailable', { record }))
    }
    await db.transaction((trx) =>
      audit(trx, { actor: user, action: 'info.record_downloaded', subjectType: RECORD_SUBJECT, subjectId: record.id, countyCode: record.regionCode, ip: request.ip() })
    )
    response.header('Content-Type', 'application/pdf')
    response.header('Content-Disposition', attachmentDisposition(`${record.title}.pdf`))
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'no-store')
    return response.send(pdf)
  }
}

/** 找专家 of the record's main industry in its region (the experts directory's own filters). */
function expertsQueryOf(record: { industries: string[]; regionCode: string }) {
  const region = record.regionCode === '510000' ? '' : record.regionCode.endsWith('00') ? `&city=${record.regionCode}` : `&county_code=${record.regionCode}`
  return `industry=${encodeURIComponent(record.industries[0])}${region}`
}
