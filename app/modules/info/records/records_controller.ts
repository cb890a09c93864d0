import type { HttpContext } from '@adonisjs/core/http'
import { industriesOf } from '#core/industries/industry_rules'
import { DateTime } from 'luxon'
import { formDone, guardForm, validateForm, type FormOptions } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { BEIJING } from '#core/clock'
import regionDirectory from '#core/regions/region_directory'
import { industryList } from '#core/industries/industry_directory'
import IndustryRecord from '#modules/info/models/industry_record'
import RecordPolicy from '#modules/info/records/policy'
import ReviewPolicy from '#modules/info/reviews/policy'
import { createRecord, regionOf, removeRecordMedia, reviseRecord, submitRecord, updateRecord, type RecordInput } from '#modules/info/records/record_actions'
import { formValues, historyOf, namesFor, versionsAround } from '#modules/info/records/record_queries'
import { myRecordsValidator, recordValidator } from '#modules/info/records/validators'
import { roleFor } from '#modules/info/shared/record_access'
import { documentsOf, MAX_DOCUMENTS, MAX_PHOTOS, photosOf } from '#modules/info/shared/record_photos'
import { wasChosen } from '#core/media/media_service'
import { CHECKLIST_ITEMS, EDITABLE, ENTITY_KINDS, MAX_OTHER_INDUSTRIES, RECORD_CATEGORIES, RECORD_KINDS, type RecordKind } from '#modules/info/shared/record_states'

const FORM: FormOptions = { errorsTarget: '#record-form-errors', messages: 'info.validator' }
const panelForm = (id: number): FormOptions => ({ errorsTarget: `#record-${id}-errors`, messages: 'info.validator' })

/** 我的产业信息: centre staff write records of their scope, edit them and submit them for review. */
export default class RecordsController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(RecordPolicy).authorize('write')
    const { page = 1 } = await request.validateUsing(myRecordsValidator, { data: request.qs() })
    const records = await IndustryRecord.query().where('author_id', auth.getUserOrFail().id).orderBy('id', 'desc').paginate(page, 20)
    return renderPageOrFragment(ctx, 'info/records/pages/index', 'info/records/partials/record_list', { records, ...(await namesFor(records.all())) })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(RecordPolicy).authorize('write')
    return view.render('info/records/pages/form', { ...(await formData()), record: null, values: formValues(null), photos: [], documents: [] })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(RecordPolicy).authorize('write')
    const input = await validatedRecord(ctx)
    const record = await guardForm(ctx, FORM, () => createRecord({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }, input, chosenPhotos(ctx), chosenDocuments(ctx)))
    ctx.session.flash('success', ctx.i18n.t('info.records.saved'))
    return ctx.response.redirect().toRoute('info.records.show', { id: record.id })
  }

  /** The record as its author and its reviewers see it: text, status, the next step, the history. */
  async show(ctx: HttpContext) {
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(RecordPolicy).authorize('view', record)
    return renderPageOrFragment(ctx, 'info/records/pages/show', 'info/records/partials/record_panel', await panelData(ctx, record))
  }

  async edit({ params, bouncer, view, response }: HttpContext) {
    const record = await IndustryRecord.findOrFail(params.id)
    await bouncer.with(RecordPolicy).authorize('edit', record)
    if (!EDITABLE.includes(record.status)) return response.redirect().toRoute('info.records.show', { id: record.id })
    return view.render('info/records/pages/form', { ...(await formData()), record, values: formValues(record), photos: await photosOf(record), documents: await documentsOf(record) })
  }

  async update(ctx: HttpContext) {
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(RecordPolicy).authorize('edit', record)
    const input = await validatedRecord(ctx)
    await guardForm(ctx, FORM, () => updateRecord({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }, record.id, input, chosenPhotos(ctx), chosenDocuments(ctx)))
    ctx.session.flash('success', ctx.i18n.t('info.records.saved'))
    return ctx.response.redirect().toRoute('info.records.show', { id: record.id })
  }

  /** 删除 a photo or an attachment of a record in the making (a button of the edit form, by formaction: no JS needed). */
  async removeMedia(ctx: HttpContext) {
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(RecordPolicy).authorize('edit', record)
    const removed = await guardForm(ctx, FORM, () => removeRecordMedia({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }, record.id, ctx.params.publicId))
    if (!removed) return ctx.response.notFound(await ctx.view.render('errors/not_found'))
    ctx.session.flash('success', ctx.i18n.t('info.records.media_removed'))
    return ctx.response.redirect().toRoute('info.records.edit', { id: record.id })
  }

  /** 修订 a published record: a new draft version (the published one stays public until it is signed off). */
  async revise(ctx: HttpContext) {
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(RecordPolicy).authorize('view', record)
    const copy = await guardForm(ctx, panelForm(record.id), () => reviseRecord({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }, record.id))
    ctx.session.flash('success', ctx.i18n.t('info.records.revision_started'))
    // A new page, not a swap: htmx follows this to the new version's form.
    if (ctx.request.header('hx-request') === 'true') return ctx.response.header('HX-Redirect', `/info/records/${copy.id}/edit`).noContent()
    return ctx.response.redirect().toRoute('info.records.edit', { id: copy.id })
  }

  /** 提交审核; with htmx the record's panel is swapped in place. */
  async submit(ctx: HttpContext) {
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(RecordPolicy).authorize('edit', record)
    await guardForm(ctx, panelForm(record.id), () => submitRecord({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }, record.id))
    return formDone(ctx, {
      message: ctx.i18n.t('info.records.submitted'),
      redirectTo: `/info/records/${record.id}`,
      fragment: async (status) => ctx.view.render('info/records/partials/record_panel', { ...(await panelData(ctx, await IndustryRecord.findOrFail(record.id))), status }),
    })
  }
}

async function formData() {
  return {
    industries: await industryList(),
    regionTree: await regionDirectory.tree(),
    kinds: RECORD_KINDS,
    categories: RECORD_CATEGORIES,
    maxOtherIndustries: MAX_OTHER_INDUSTRIES,
    maxPhotos: MAX_PHOTOS,
    maxDocuments: MAX_DOCUMENTS,
  }
}

/** The photo picker's files (both of its inputs post as photos[]); an empty input is no photo. */
function chosenPhotos(ctx: HttpContext) {
  return ctx.request.files('photos').filter(wasChosen)
}

/** The PDF/Office files of the attachments input (attachments[]). */
function chosenDocuments(ctx: HttpContext) {
  return ctx.request.files('attachments').filter(wasChosen)
}

/** What the record's panel shows this viewer: which steps they may take now. */
export async function panelData(ctx: HttpContext, record: IndustryRecord) {
  const viewer = ctx.auth.getUserOrFail()
  const isAuthor = Number(record.authorId) === Number(viewer.id)
  const inScope = (await ctx.bouncer.with(ReviewPolicy).allows('decide', record)) && !!(await roleFor(viewer, record.regionCode))
  const decides = !isAuthor && inScope
  await record.load('author')
  return {
    record,
    history: await historyOf(record),
    versions: await versionsAround(record),
    photos: await photosOf(record),
    documents: await documentsOf(record),
    region: await regionDirectory.fullName(record.regionCode),
    ...(await namesFor([record])),
    checklistItems: CHECKLIST_ITEMS,
    may: {
      edit: isAuthor && EDITABLE.includes(record.status),
      submit: isAuthor && EDITABLE.includes(record.status),
      review: decides && record.status === 'submitted',
      signOff: decides && record.status === 'reviewed' && Number(record.reviewedById) !== Number(viewer.id),
      reject: decides && (record.status === 'submitted' || record.status === 'reviewed'),
      withdraw: inScope && record.status === 'published',
      revise: inScope && record.status === 'published',
    },
  }
}

async function validatedRecord(ctx: HttpContext): Promise<RecordInput> {
  const input = await validateForm(ctx, recordValidator, FORM)
  const main = input.industry
  // VineJS parsed calendar dates at local midnight; read them back as those dates in Beijing.
  const asDay = (date: Date) => DateTime.fromJSDate(date).setZone(BEIJING, { keepLocalTime: true }).startOf('day')
  return {
    kind: input.kind,
    category: input.category,
    industries: industriesOf(main, input.other_industries),
    regionCode: regionOf(input.county_code, input.city_code),
    title: input.title,
    summary: input.summary ?? '',
    body: input.body,
    ipOwner: input.ip_owner,
    source: input.source ?? '',
    validFrom: asDay(input.valid_from),
    validTo: input.valid_to ? asDay(input.valid_to) : null,
    ...entityOf(input),
  }
}

/** The organisation's fields for 龙头企业 and 技术依托单位; other kinds keep none of them. */
function entityOf(input: { kind: RecordKind; entity_name?: string; credit_code?: string; entity_county_code?: string; entity_products?: string; entity_contact?: string }) {
  const entity = ENTITY_KINDS.includes(input.kind)
  return {
    entityName: entity ? (input.entity_name ?? null) : null,
    creditCode: entity ? (input.credit_code ?? null) : null,
    entityCountyCode: entity ? (input.entity_county_code ?? null) : null,
    entityProducts: entity ? input.entity_products || null : null,
    entityContact: entity ? input.entity_contact || null : null,
  }
}
