import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { actingRole } from '#core/accounts/acting'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { guardForm, validateForm } from '#core/http/forms'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { RuleError } from '#core/http/rule_error'
import regionDirectory from '#core/regions/region_directory'
import { regionOptions } from '#core/regions/region_options'
import { suspensionOf } from '#core/regions/participation'
import {
  applyVillageImport,
  byTownship,
  findVillageImport,
  ImportNotPendingError,
  previewVillageImport,
  villageImportsOf,
  villagesOf,
  type LineError,
  type VillageImport,
} from '#core/regions/villages'
import VillagePolicy from '#modules/admin/villages/policy'
import { VILLAGE_MESSAGES, villageImportValidator, villageListValidator } from '#modules/admin/villages/validators'
import type { ScopeIntent } from '#core/accounts/scoped_access'

const FORM = { errorsTarget: '#village-import-errors', messages: VILLAGE_MESSAGES }

/** A county's villages by township, its import history, and importing a new list (preview, then apply). */
export default class VillagesController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth, response } = ctx
    await bouncer.with(VillagePolicy).authorize('enter')
    const { county } = await request.validateUsing(villageListValidator, { data: request.qs() })
    const counties = (await regionOptions(await auth.getUserOrFail().scopesFor(...SCOPED_ROLES))).filter((option) => option.level === 'county')
    const countyCode = county ?? counties[0]?.code
    if (!countyCode) return response.notFound()
    await bouncer.with(VillagePolicy).authorize('county', countyCode, 'read')
    const villages = await villagesOf(countyCode)
    return renderPageOrFragment(ctx, 'admin/villages/pages/index', 'admin/villages/partials/registry', {
      countyCode,
      counties,
      countyName: await regionDirectory.fullName(countyCode),
      townships: byTownship(villages),
      villageCount: villages.length,
      imports: await villageImportsOf(countyCode),
      suspension: await suspensionOf(countyCode),
    })
  }

  /** Reads the file into a preview (or its refusals): nothing in the registry changes yet. */
  async store(ctx: HttpContext) {
    const { bouncer, auth, request, response } = ctx
    await bouncer.with(VillagePolicy).authorize('enter')
    const input = await validateForm(ctx, villageImportValidator, FORM)
    await bouncer.with(VillagePolicy).authorize('county', input.county_code, 'manage')
    const bytes = await readFile(input.file.tmpPath!)
    const preview = await previewVillageImport({ actor: auth.getUserOrFail(), ip: request.ip() }, input.county_code, input.file.clientName, bytes)
    if (wantsFragment(ctx)) return this.#renderImport(ctx, preview, 'admin/villages/partials/import')
    return response.redirect().toRoute('admin.villages.imports.show', { id: preview.id })
  }

  async show(ctx: HttpContext) {
    const preview = await this.#authorized(ctx, 'read')
    return this.#renderImport(ctx, preview, 'admin/villages/pages/import')
  }

  /** Applies the previewed list whole (one transaction), or nothing. */
  async apply(ctx: HttpContext) {
    const preview = await this.#authorized(ctx, 'manage')
    const actor = ctx.auth.getUserOrFail()
    const applied = await guardForm(ctx, { errorsTarget: '#village-apply-errors' }, async () => {
      try {
        return await applyVillageImport({ actor, ip: ctx.request.ip() }, (await actingRole(actor, preview.countyCode, SCOPED_ROLES))!, preview.id)
      } catch (error) {
        if (error instanceof ImportNotPendingError) throw new RuleError('admin.villages.import.not_pending')
        throw error
      }
    })
    const message = ctx.i18n.t('admin.villages.import.applied', countsOf(applied))
    if (wantsFragment(ctx)) return this.#renderImport(ctx, applied, 'admin/villages/partials/import', message)
    ctx.session.flash('success', message)
    return ctx.response.redirect(`/admin/villages?county=${applied.countyCode}`)
  }

  async #authorized(ctx: HttpContext, intent: ScopeIntent) {
    await ctx.bouncer.with(VillagePolicy).authorize('enter')
    const found = await findVillageImport(Number(ctx.params.id))
    if (!found) return ctx.response.abort('Not found', 404) as never
    await ctx.bouncer.with(VillagePolicy).authorize('county', found.countyCode, intent)
    return found
  }

  async #renderImport(ctx: HttpContext, found: VillageImport, template: string, status?: string) {
    ctx.response.header('Vary', 'HX-Request')
    return ctx.view.render(template, {
      found,
      status,
      countyName: await regionDirectory.fullName(found.countyCode),
      errors: found.errors.map((error) => ({ line: error.line, text: lineText(ctx.i18n.locale, error) })),
      counts: found.changes ? countsOf(found) : null,
    })
  }
}

function countsOf(found: VillageImport) {
  const changes = found.changes!
  return { added: changes.added.length, changed: changes.changed.length, restored: changes.restored.length, retired: changes.retired.length, unchanged: changes.unchanged }
}

/** A refusal in words: 第 3 行：… (a whole-file refusal has no line). */
function lineText(locale: string, error: LineError) {
  return i18nManager.locale(locale).t(`regions.villages.errors.${error.key}`, error.data ?? {})
}
