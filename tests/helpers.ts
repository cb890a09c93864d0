import db from '@adonisjs/lucid/services/db'
import RegionsSeeder from '#database/seeders/01_core_regions_seeder'
import IndustriesSeeder from '#database/seeders/02_core_industries_seeder'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import SmsMessage from '#core/sms/sms_message'
import type { Role } from '#core/accounts/roles'

export const PASSWORD = 'secret-pass-1'

export async function seedReferenceData() {
  await new RegionsSeeder(db.connection()).run()
  await new IndustriesSeeder(db.connection()).run()
}

let nextPhone = 13700000000
/** A person with the given roles; staff roles take their scope from `scopes[role]`. */
export async function createUser(
  options: { county?: string; roles?: Role[]; scopes?: Partial<Record<Role, string>>; name?: string } = {}
) {
  const user = await User.create({
    phone: String(++nextPhone),
    password: PASSWORD,
    name: options.name ?? '测试用户',
    countyCode: options.county ?? '510104',
  })
  for (const role of options.roles ?? ['farmer']) {
    await RoleGrant.create({ userId: user.id, role, scope: options.scopes?.[role] ?? null })
  }
  return user
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
