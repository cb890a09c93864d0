import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import RegionsSeeder from '#database/seeders/01_core_regions_seeder'
import IndustriesSeeder from '#database/seeders/02_core_industries_seeder'
import type User from '#core/accounts/models/user'
import SmsMessage from '#core/sms/sms_message'
import type { Role } from '#core/accounts/roles'
import { FACTORY_PASSWORD, UserFactory, withRole } from '#database/factories/core/user_factory'

/** What every person the factories make signs in with. */
export const PASSWORD = FACTORY_PASSWORD

export async function seedReferenceData() {
  await new RegionsSeeder(db.connection()).run()
  await new IndustriesSeeder(db.connection()).run()
}

/**
 * A person (UserFactory) with the given roles, a farmer by default; staff and admin
 * roles take their region scope from `scopes[role]`.
 */
export async function createUser(
  options: { county?: string; roles?: Role[]; scopes?: Partial<Record<Role, string>>; name?: string } = {}
): Promise<User> {
  let builder = UserFactory.merge({ countyCode: options.county ?? '510104', ...(options.name ? { name: options.name } : {}) })
  for (const role of options.roles ?? ['farmer']) builder = builder.with('roleGrants', 1, withRole(role, options.scopes?.[role] ?? null))
  return builder.create()
}

/** The 6-digit code in the latest SMS the log driver recorded for the phone. */
export async function latestSmsCode(phone: string): Promise<string> {
  const message = await SmsMessage.query().where('phone', phone).orderBy('id', 'desc').firstOrFail()
  return /(\d{6})/.exec(message.body ?? '')![1]
}

/** What a browser sends when a form is submitted without JavaScript (redirects not followed). */
export function submitForm(client: any, url: string, form: Record<string, string>, user?: User) {
  const request = client.post(url).header('accept', 'text/html').withCsrfToken().form(form).redirects(0)
  return user ? request.loginAs(user) : request
}

/** What htmx sends when it posts a form (the answer is a fragment, not a redirect). */
export function submitHtmxForm(client: any, url: string, form: Record<string, string>, user: User) {
  return client.post(url).header('HX-Request', 'true').withCsrfToken().form(form).loginAs(user)
}

export function assertRedirect(response: any, path: string) {
  response.assertStatus(302)
  response.assertHeader('location', path)
}

/**
 * The message shown next to a form field after a redirect back. (The session
 * plugin's assertValidationError reads a flash key that session 8 no longer writes.)
 */
export function fieldErrors(response: any, field: string): string[] {
  return response.flashMessages().inputErrorsBag?.[field] ?? []
}

/** GETs an XLSX export: answered 200 as a spreadsheet; its first sheet. */
export async function downloadedSheet(request: { request: any }) {
  const response = await asBytes(request as any)
  response.assertStatus(200)
  response.assertHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.body() as any)
  return workbook.worksheets[0]
}

/** Reads any response body as bytes (superagent would only buffer text and JSON): files, PDFs, videos. */
export function asBytes<T extends { request: any }>(request: T): T {
  request.request.buffer(true).parse((res: any, done: (error: null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}
