import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { guardForm } from '#core/http/forms'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { areaMessages } from '#core/http/form_messages'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
import { industryList, industryNames } from '#core/industries/industry_directory'
import Media from '#core/media/media'
import { wasChosen } from '#core/media/media_service'
import Lecture from '#modules/achievements/models/lecture'
import { LECTURE_SUBJECT, publishLecture, slideOf } from '#modules/achievements/lectures/lecture_actions'
import { sourceIdsMatching } from '#core/text/documents'
import { verifiedExpertOfUser } from '#modules/experts/public'

export const lectureValidator = vine.create({
  title: plainText(60).minLength(4),
  summary: plainText(1000).minLength(10),
  industry: vine.string().trim().use(knownIndustries()),
})

const PER_PAGE = 20

/** 特派员讲堂: lectures by industry, a lecture's page (the low-bitrate rendition first when there is one), publishing. */
export default class LecturesController {
  async index(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const industry = typeof qs.industry === 'string' && (await industryNames()).has(qs.industry) ? qs.industry : ''
    const q = typeof qs.q === 'string' ? qs.q.trim().slice(0, 50) : ''
    const page = Math.min(Math.max(Number.parseInt(String(qs.page ?? '1'), 10) || 1, 1), 1000)
    const query = Lecture.query().orderBy('id', 'desc')
    if (industry) query.where('industry', industry)
    // The search box: every word in the title or summary, a crop by any of its names (the text engine); no word at all finds nothing.
    if (q) {
      const matching = sourceIdsMatching(LECTURE_SUBJECT, q)
      if (matching) query.whereIn('id', matching)
      else query.whereRaw('false')
    }
    const rows = await query.limit(PER_PAGE + 1).offset((page - 1) * PER_PAGE)
    const link = (n: number) => `/achievements/lectures?${new URLSearchParams({ ...(industry ? { industry } : {}), ...(q ? { q } : {}), page: String(n) })}`
    return renderPageOrFragment(ctx, 'achievements/lectures/pages/index', 'achievements/lectures/partials/list', {
      lectures: rows.slice(0, PER_PAGE),
      industry,
      q,
      page,
      previous: page > 1 ? link(page - 1) : null,
      next: rows.length > PER_PAGE ? link(page + 1) : null,
      industries: await industryList(),
      industryNames: Object.fromEntries(await industryNames()),
    })
  }

  /**
   * The page counts a view (one UPDATE, no row lock kept); a video plays, slides show one
   * page at a time (`?page=n`; htmx asks for the next slide alone, which is no new view).
   */
  async show(ctx: HttpContext) {
    const { params, request, response } = ctx
    const lecture = await Lecture.find(params.id)
    if (!lecture) return response.notFound()
    const slides = lecture.slidesId ? await this.slide(lecture, request.qs().page) : null
    if (slides === undefined) return response.notFound()
    ctx.response.header('Vary', 'HX-Request')
    if (slides && wantsFragment(ctx)) return ctx.view.render('achievements/lectures/partials/slide', { lecture, ...slides })
    await db.from('achievements_lectures').where('id', lecture.id).increment('views', 1)
    const files = await Media.query().whereIn('id', [lecture.videoId, lecture.renditionId, lecture.slidesId].filter((id): id is number => id !== null))
    const byId = new Map(files.map((media) => [Number(media.id), media]))
    const expert = await verifiedExpertOfUser(lecture.expertUserId)
    if (expert) await expert.load('user')
    return ctx.view.render('achievements/lectures/pages/show', {
      lecture,
      expert,
      views: lecture.views + 1,
      original: lecture.videoId ? byId.get(Number(lecture.videoId)) : undefined,
      rendition: lecture.renditionId ? byId.get(Number(lecture.renditionId)) : undefined,
      pdf: lecture.slidesId ? byId.get(Number(lecture.slidesId)) : undefined,
      ...slides,
      industryNames: Object.fromEntries(await industryNames()),
    })
  }

  /** Slide `page` of the lecture's images (none yet: page 1 and no image); undefined for a page out of range. */
  private async slide(lecture: Lecture, pageParam: unknown) {
    const page = pageParam === undefined ? 1 : Number(pageParam)
    if (!Number.isInteger(page) || page < 1 || page > Math.max(lecture.pageCount, 1)) return undefined
    const link = (n: number) => `/achievements/lectures/${lecture.id}?page=${n}`
    return {
      page,
      slide: lecture.pageCount ? await slideOf(lecture.id, page) : null,
      previous: page > 1 ? link(page - 1) : null,
      next: page < lecture.pageCount ? link(page + 1) : null,
    }
  }

  async create({ view }: HttpContext) {
    return view.render('achievements/lectures/pages/new', { industries: await industryList() })
  }

  async store(ctx: HttpContext) {
    const { request, auth, i18n, session, response } = ctx
    const lecture = await guardForm(ctx, { errorsTarget: '#lecture-form-errors' }, async () => {
      const input = await request.validateUsing(lectureValidator, { messagesProvider: areaMessages(i18n, 'achievements.lectures.validator') })
      const video = request.file('video', { size: '60mb' })
      const slides = request.file('slides', { size: '60mb' })
      return publishLecture({ actor: auth.getUserOrFail(), ip: request.ip() }, input, { video: wasChosen(video) ? video : null, slides: wasChosen(slides) ? slides : null })
    })
    session.flash('success', i18n.t('achievements.lectures.published'))
    return response.redirect(`/achievements/lectures/${lecture.id}`)
  }
}
