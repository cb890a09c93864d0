import { randomBytes } from 'node:crypto'
import { closeFormData, visitPanelData } from '#modules/experts/visits/visit_views'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import type User from '#core/accounts/models/user'
import regionDirectory from '#core/regions/region_directory'
import { isRegionCode } from '#core/regions/region_scope'
import { renderPageOrFragment } from '#core/http/render'
import Media from '#core/media/media'
import { MediaRejectedError } from '#core/media/errors'
import { storePhoto, storeVideo, wasChosen } from '#core/media/media_service'
import { breakerStatus } from '#core/moderation/moderation'
import { suggestIndustry } from '#core/text/industry_suggester'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import ConsultationPolicy, { authorizeViewer } from '#modules/experts/consultations/policy'
import { REPORTER_ROLES } from '#modules/experts/shared/consultation_access'
import { casePageData } from '#modules/experts/consultations/case_page'
import { industryList, industryNames } from '#core/industries/industry_directory'
import { sessionMediaUrl } from '#modules/experts/conversation/conversation_view'
import { findByIdempotencyKey, submitConsultation } from '#modules/experts/consultations/submit_consultation'
import {
  consultationValidator,
  listValidator,
  MAX_PHOTOS,
  newFormValidator,
  SIMILAR_DRAFT_KEY,
  TEXT_MAX,
} from '#modules/experts/consultations/validators'

/** Flash key holding the public ids of files a failed submit already stored (the form shows them again). */
const KEPT_MEDIA_FLASH = 'consultation_media'
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/
const PER_PAGE = 20

type FieldMessage = { field: string; message: string; rule: string }

/**
 * 报需求 and "我的需求": the form, the submit and the reporter's case page with its
 * similar cases (the choice between a similar case and an expert is similar/).
 */
export default class ConsultationsController {
  async index(ctx: HttpContext) {
    const { request, auth, i18n } = ctx
    const user = auth.getUserOrFail()
    const { page } = await request.validateUsing(listValidator, { data: request.qs() })
    const consultations = await Consultation.query()
      .where('reporter_id', user.id)
      .orderBy('id', 'desc')
      .select('id', 'text', 'state', 'moderation', 'industry_code', 'county_code', 'created_at')
      .paginate(page ?? 1, PER_PAGE)
    return renderPageOrFragment(ctx, 'experts/consultations/pages/index', 'experts/consultations/partials/list', {
      consultations,
      industryNames: Object.fromEntries(await industryNames()),
      stateLabel: (state: string) => i18n.t(`experts.consultations.states.${state}`),
      canReport: await user.hasRole(...REPORTER_ROLES),
    })
  }

  async create({ request, response, auth, bouncer, view, session }: HttpContext) {
    await bouncer.with(ConsultationPolicy).authorize('report')
    const user = auth.getUserOrFail()
    // Back from 先看看类似案例 (without JavaScript): what was typed comes back as old input.
    const similarDraft = session.pull(SIMILAR_DRAFT_KEY)
    if (similarDraft && typeof similarDraft === 'object' && !session.flashMessages.has('text')) {
      session.flash(similarDraft)
      return response.redirect().toRoute('experts.consultations.create', {}, { qs: similarDraft.expert ? { expert: similarDraft.expert } : {} })
    }
    const { expert: expertId } = await request.validateUsing(newFormValidator, { data: request.qs() })
    const keptIds: string[] = session.flashMessages.get(KEPT_MEDIA_FLASH, [])
    const kept = keptIds.length ? await unattachedMedia(user, keptIds) : []
    return view.render('experts/consultations/pages/new', {
      officer: await user.hasRole('info_officer'),
      industries: await industryList(),
      regionTree: await regionDirectory.tree(),
      defaultCounty: user.countyCode,
      breakerTripped: await breakerStatus('experts', user.countyCode),
      addressedExpert: expertId ? await addressedExpert(expertId) : null,
      // A fresh key per form shown; after a failed submit the flashed old input keeps the first one.
      idempotencyKey: randomBytes(16).toString('base64url'),
      keptPhotos: kept.filter((item) => item.kind === 'photo'),
      keptVideo: kept.find((item) => item.kind === 'video') ?? null,
      hasOldInput: session.flashMessages.has('text') || keptIds.length > 0,
      maxPhotos: MAX_PHOTOS,
      textMax: TEXT_MAX,
    })
  }

  /**
   * The submit. Files are stored first, so that whatever else is wrong, they are not
   * lost: their ids go back to the form with the typed text. A form already submitted
   * (double click, resubmitted after a dropped connection) leads to its case.
   */
  async store(ctx: HttpContext) {
    const { request, response, auth, bouncer, session, i18n } = ctx
    await bouncer.with(ConsultationPolicy).authorize('report')
    const user = auth.getUserOrFail()
    const key = request.input('idempotency_key')
    if (typeof key === 'string' && IDEMPOTENCY_KEY.test(key)) {
      const existing = await findByIdempotencyKey(Number(user.id), key)
      if (existing) return response.redirect().toRoute('experts.consultations.show', { id: existing.id })
    }

    const officer = await user.hasRole('info_officer')
    const problems: FieldMessage[] = []
    const countyGuess = isRegionCode(request.input('county_code')) ? request.input('county_code') : user.countyCode
    const media = await this.#collectMedia(ctx, user, countyGuess, problems)
    const fail = (extra: FieldMessage[] = []) => {
      session.flash(KEPT_MEDIA_FLASH, media.map((item) => item.publicId))
      return new vineErrors.E_VALIDATION_ERROR([...problems, ...extra])
    }

    let input
    try {
      input = await request.validateUsing(consultationValidator, {
        meta: { officer },
        messagesProvider: i18n.createMessagesProvider('experts.consultations.validation'),
      })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      throw fail(error.messages)
    }
    const industry = input.industry || suggestIndustry(input.text).industry
    if (!industry) problems.push({ field: 'industry', message: i18n.t('experts.consultations.form.industry_required'), rule: 'required' })
    if (problems.length) throw fail()

    const result = await submitConsultation({
      reporter: user,
      reporterRole: officer ? 'info_officer' : (await user.hasRole('market_entity')) ? 'market_entity' : 'farmer',
      text: input.text,
      industryCode: industry!,
      countyCode: input.county_code,
      farmer: officer ? { name: input.farmer_name!, phone: input.farmer_phone! } : null,
      addressedExpertId: input.expert ?? null,
      mediaIds: media.map((item) => Number(item.id)),
      idempotencyKey: input.idempotency_key,
      knowledgeConsent: input.knowledge_consent === true,
    })
    if (result.outcome === 'blocked') {
      throw fail([{ field: 'text', message: i18n.t('experts.consultations.form.blocked'), rule: 'moderation' }])
    }
    if (result.outcome === 'created') {
      session.flash('success', i18n.t(result.consultation.moderation === 'held' ? 'experts.consultations.form.submitted_held' : 'experts.consultations.form.submitted'))
    }
    return response.redirect().toRoute('experts.consultations.show', { id: result.consultation.id })
  }

  async show(ctx: HttpContext) {
    const { params, auth, view, i18n } = ctx
    const consultation = await Consultation.findOrFail(params.id)
    const viewer = await authorizeViewer(auth.getUserOrFail(), consultation)
    const data = await casePageData(consultation, viewer, i18n, sessionMediaUrl)
    const user = auth.user
    return view.render('experts/consultations/pages/show', {
      ...data,
      visitPanel: await visitPanelData(consultation, viewer.side === 'expert' ? 'expert' : 'reporter', { user }),
      closeForm: await closeFormData(consultation, 'reporter', { user }),
      messagesUrl: `/consultations/${consultation.id}/messages`,
      // The page a successful submit lands on: the browser's draft of the form is done with.
      clearDraft: `consultation:${auth.user!.id}`,
    })
  }

  /**
   * Files kept from an earlier failed submit plus the ones sent now, stored through
   * the media service. A refused file is reported beside its field; the others stay.
   */
  async #collectMedia({ request, i18n }: HttpContext, user: User, countyCode: string | null, problems: FieldMessage[]) {
    const keptIds = ([] as unknown[]).concat(request.input('kept_media') ?? []).filter((id): id is string => typeof id === 'string')
    const kept = keptIds.length ? await unattachedMedia(user, keptIds) : []
    const photos = request.files('photos').filter(wasChosen)
    const video = [request.file('video')].filter(wasChosen)
    const keptPhotos = kept.filter((item) => item.kind === 'photo').length
    const stored: Media[] = [...kept]
    const options = { owner: user, visibility: 'private' as const, countyCode }

    if (keptPhotos + photos.length > MAX_PHOTOS) {
      problems.push({ field: 'photos', message: i18n.t('experts.consultations.form.too_many_photos', { max: MAX_PHOTOS }), rule: 'maxLength' })
    } else {
      for (const file of photos) {
        try {
          stored.push(await storePhoto(file, options))
        } catch (error) {
          if (!(error instanceof MediaRejectedError)) throw error
          problems.push({ field: 'photos', message: i18n.t(error.messageKey), rule: 'media' })
        }
      }
    }
    if (video.length && kept.some((item) => item.kind === 'video')) {
      problems.push({ field: 'video', message: i18n.t('experts.consultations.form.one_video'), rule: 'maxLength' })
    } else if (video.length) {
      try {
        stored.push(await storeVideo(video[0], options))
      } catch (error) {
        if (!(error instanceof MediaRejectedError)) throw error
        problems.push({ field: 'video', message: i18n.t(error.messageKey), rule: 'media' })
      }
    }
    return stored
  }
}

/** The reporter's own files, not yet attached to any record, in the order named. */
async function unattachedMedia(user: User, publicIds: string[]) {
  const rows = await Media.query().whereIn('public_id', publicIds.slice(0, MAX_PHOTOS + 1)).where('owner_id', user.id).whereNull('subject_id')
  const photos = rows.filter((item) => item.kind === 'photo').slice(0, MAX_PHOTOS)
  const video = rows.find((item) => item.kind === 'video')
  const order = (item: Media) => publicIds.indexOf(item.publicId)
  return [...photos.sort((a, b) => order(a) - order(b)), ...(video ? [video] : [])]
}

async function addressedExpert(expertId: number) {
  const expert = await Expert.query().where('id', expertId).where('status', 'verified').preload('user').first()
  return expert ? { id: Number(expert.id), name: expert.user.name ?? '', organization: expert.organization } : null
}

