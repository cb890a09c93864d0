import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import type User from '#core/accounts/models/user'
import { importCases } from '#core/text/cases_import'
import { actingAs } from '#core/moderation/acting'
import { addWord } from '#core/moderation/word_list'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { submitConsultation } from '#modules/experts/consultations/submit_consultation'
import { lockConsultation, recordTransition } from '#modules/experts/shared/transition'
import { postMessage } from '#modules/experts/conversation/post_message'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'
import { createUser } from '#tests/helpers'

/** A farmer's description close to the rice blast cases of tests/fixtures/text/cases.jsonl. */
export const RICE_BLAST = '水稻叶子上长了好多梭形的褐色病斑，中间灰白色，边上发黄，有的叶子整片枯了，该打什么药？'

export const newKey = () => randomBytes(16).toString('base64url')

/** The labelled set's solved cases, imported as the predecessor platform's history (cases:import). */
export async function importSolvedCases() {
  const content = await readFile(app.makePath('tests/fixtures/text/cases.jsonl'), 'utf8')
  const result = await importCases(content)
  return result.ids
}

export function infoOfficer(county = '510129') {
  return createUser({ county, roles: ['info_officer'], name: '李信息' })
}

export function farmer(county = '510129') {
  return createUser({ county, roles: ['farmer'], name: '王大田' })
}

export function staffOf(scope: string) {
  return createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: scope }, name: '赵分诊' })
}

export async function verifiedExpert(county = '510129', industry = 'grain_oil') {
  const user = await createUser({ county, roles: ['expert'], name: '张农技' })
  const expert = await Expert.create({
    userId: user.id,
    organization: '县农业农村局',
    title: '高级农艺师',
    level: 'county',
    countyCode: county,
    industries: [industry],
    status: 'verified',
  })
  return { user, expert }
}

/** The multipart POST the 报需求 form sends without JavaScript (redirects not followed). */
export function postReport(
  client: any,
  user: User,
  fields: Record<string, string | string[] | undefined>,
  files: { name: string; bytes: Buffer; filename: string }[] = []
) {
  let request = client.post('/consultations').loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) request = request.field(`${name}[]`, item)
    else request = request.field(name, value)
  }
  for (const file of files) request = request.file(file.name, file.bytes, { filename: file.filename })
  return request
}

/** A case submitted through the action (screened, 'submitted' event), as the form would. */
export async function submittedCase(reporter: User, options: { text?: string; county?: string; industry?: string; farmer?: { name: string; phone: string } } = {}) {
  const result = await submitConsultation({
    reporter,
    reporterRole: options.farmer ? 'info_officer' : 'farmer',
    text: options.text ?? RICE_BLAST,
    industryCode: options.industry ?? 'grain_oil',
    countyCode: options.county ?? reporter.countyCode ?? '510129',
    farmer: options.farmer ?? null,
    addressedExpertId: null,
    mediaIds: [],
    idempotencyKey: newKey(),
  })
  if (result.outcome === 'blocked') throw new Error('test case text was blocked')
  return result.consultation
}

/** Moves a case along (through recordTransition, as triage would) to `state`, assigned to `expert`. */
export async function advance(consultation: Consultation, state: ConsultationState, expert?: Expert) {
  const now = DateTime.now()
  await db.transaction(async (trx) => {
    const locked = (await lockConsultation(trx, consultation.id))!
    await recordTransition(trx, locked, state, { kind: state === 'assigned' ? 'assigned' : 'answered', expertId: expert?.id ?? null }, {
      expertId: expert ? expert.id : locked.expertId,
      assignedAt: now,
      responseDueAt: now.plus({ hours: 3 }),
      ...(state === 'answering' ? { answeredAt: now, firstResponseAt: now } : {}),
    })
  })
  return (await Consultation.findOrFail(consultation.id))
}

/** A message written through the action (screened, announced), as the pages do. */
export async function writeMessage(consultation: Consultation, input: Parameters<typeof postMessage>[2]) {
  return db.transaction(async (trx) => postMessage(trx, (await lockConsultation(trx, consultation.id))!, input))
}

/** A platform admin's word list entry, as the moderation admin pages add it. */
export async function listWord(word: string, action: 'hold' | 'block') {
  const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' }, name: '孙管理' })
  await addWord(await actingAs(admin, '127.0.0.1'), { word, category: 'gambling', action })
  return admin
}
