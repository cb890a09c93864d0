import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { BrowserContext } from 'playwright'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { createUser } from '#tests/helpers'
import { importSolvedCases, makeCase, staffOf } from '#tests/fixtures/experts/consultations'
import { caseWithParties } from '#tests/fixtures/experts/visits'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'
import { makeCentre } from '#tests/fixtures/admin/centres'

/*
 * Every page a phone user works on, at 360×640: each visible control is at least 44×44 CSS
 * px (a thumb, not a stylus), and nothing is wider than the screen. A checkbox, radio or
 * hidden file input counts by the label that carries it; a link inside a sentence (.in-text)
 * is exempt (WCAG 2.5.8's inline exception: its line height is the text's).
 */

const MIN = 44

/** The controls of the page smaller than MIN, as "tag 'text' w×h". */
function smallTargets(page: any): Promise<string[]> {
  return page.evaluate((min: number) => {
    const doc = (globalThis as any).document
    const win = globalThis as any
    const visible = (element: any) => {
      const box = element.getBoundingClientRect()
      const style = win.getComputedStyle(element)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0'
    }
    const inSentence = (element: any) => {
      if (element.tagName !== 'A' || win.getComputedStyle(element).display !== 'inline') return false
      const parent = element.parentElement
      return [...parent.childNodes].some((node: any) => node !== element && node.nodeType === 3 && node.textContent.trim().length > 0)
    }
    const targets = new Set<any>()
    for (const element of doc.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      // A checkbox or radio is tapped through its label; so is a file input the picker hides.
      const carried = element.matches('input[type=checkbox], input[type=radio]') || (element.type === 'file' && !visible(element))
      const target = carried ? (element.closest('label') ?? (element.id ? doc.querySelector(`label[for="${element.id}"]`) : null)) ?? element : element
      if (!visible(target) || inSentence(target)) continue
      targets.add(target)
    }
    return [...targets]
      .map((element: any) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
      .map(({ element, box }) => `${element.tagName.toLowerCase()} '${(element.textContent || element.getAttribute('aria-label') || element.name || '').trim().slice(0, 20)}' ${Math.round(box.width)}×${Math.round(box.height)}`)
  }, MIN)
}

async function measure(context: BrowserContext, path: string, assert: any, problems: string[]) {
  const page = await (context as any).visit(path)
  await page.waitForLoadState('networkidle')
  const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)
  if (width > PHONE_VIEWPORT.width) {
    // Name the innermost elements that stick out, to know what to fix.
    const culprits = await page.evaluate((limit: number) => {
      const all = [...(globalThis as any).document.querySelectorAll('main *')]
      return all
        .filter((element: any) => element.getBoundingClientRect().right > limit + 1 && ![...element.children].some((child: any) => child.getBoundingClientRect().right > limit + 1))
        .slice(0, 3)
        .map((element: any) => `${element.tagName.toLowerCase()}.${element.className} '${element.textContent.trim().slice(0, 15)}'`)
    }, PHONE_VIEWPORT.width)
    problems.push(`${path}: ${width} px wide (${culprits.join(', ')})`)
  }
  for (const small of await smallTargets(page)) problems.push(`${path}: ${small}`)
  assert.isTrue(true)
  await page.close()
}

test.group('Tap targets and width at 360 px', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('login, home, report, case, SMS links, triage, follow-up, statistics, profile and admin pages', async ({ browser, assert, cleanup }) => {
    await importSolvedCases()
    const { consultation, reporter, expertUser, expert, staff } = await caseWithParties('answering')
    const closed = await makeCase({ reporter, county: '510104', state: 'closed', farmer: { name: '王大爷', phone: '13900000001' } })
    await makeCase({ county: '510104', state: 'awaiting_triage' })
    const admin = await staffOf('510104', 'center_admin')
    const problems: string[] = []
    const phone = async (user?: any) => {
      const context = await newPhone(browser, { cleanup })
      if (user) await (context as any).loginAs(user)
      return context
    }

    const anonymous = await phone()
    for (const path of ['/login', '/', '/experts', '/knowledge', '/info', '/supply', '/supply/shops', '/achievements', '/achievements/demands', '/achievements/bounties', '/achievements/lectures', '/notices', caseLinkPath(Number(consultation.id), 'farmer', 0), caseLinkPath(Number(consultation.id), 'expert', Number(expert.id))]) {
      await measure(anonymous, path, assert, problems)
    }
    const reporterPhone = await phone(reporter)
    for (const path of ['/', '/consultations/new', `/consultations/${consultation.id}`, '/consultations', '/profile', '/profile/passkeys', '/profile/devices']) {
      await measure(reporterPhone, path, assert, problems)
    }
    const expertPhone = await phone(expertUser)
    for (const path of ['/', '/experts/me', '/expert/cases']) await measure(expertPhone, path, assert, problems)
    const staffPhone = await phone(staff)
    const centre = await makeCentre(consultation.countyCode)
    for (const path of ['/', '/triage', '/admin/experts/followups', `/admin/experts/followups/${closed.id}`, '/admin/experts/statistics', '/admin/experts/exports', '/admin/centres', `/admin/centres/${centre.id}`, `/admin/centres/${centre.id}/items/premises`, '/admin/evaluations']) {
      await measure(staffPhone, path, assert, problems)
    }
    const adminPhone = await phone(admin)
    const someone = await createUser({ county: '510104', roles: ['farmer'] })
    for (const path of ['/', '/admin/roles', `/admin/roles/users/${someone.id}`, '/admin/users', `/admin/users/${someone.id}`, '/admin/moderation/words']) await measure(adminPhone, path, assert, problems)

    assert.deepEqual(problems, [], `controls below ${MIN}×${MIN} px or pages wider than 360 px:\n${problems.join('\n')}`)
  }).timeout(120_000)
})
