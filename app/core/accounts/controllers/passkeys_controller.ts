import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { fieldError } from '#core/http/field_error'
import { formDone, validateForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { takeIntendedUrl } from '#core/accounts/intended_url'
import { AccountDeactivated, signIn } from '#core/accounts/deactivation'
import { addPasskeyValidator, passkeyLoginValidator, renamePasskeyValidator } from '#core/accounts/passkey_validators'
import {
  addPasskey,
  authenticationOptions,
  ownPasskey,
  PasskeyRefused,
  passkeysOf,
  registrationOptions,
  removePasskey,
  renamePasskey,
  verifyPasskeyLogin,
} from '#core/accounts/passkeys'

/**
 * 通行密钥: the person's list (add, rename, delete with a confirmation) and signing in with one.
 * The two ceremonies are JSON (resources/assets/passkeys.js drives navigator.credentials):
 * options first, then the phone's answer; each answer is {redirect} or 422 {message}.
 * The same forms posted without JavaScript are told passkeys need it.
 */
export default class PasskeysController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return renderPageOrFragment(ctx, 'accounts/pages/passkeys', 'accounts/partials/passkey_list', { passkeys: await passkeysOf(user) })
  }

  async registrationOptions({ auth, session, response, i18n }: HttpContext) {
    try {
      return { options: await registrationOptions(session, auth.getUserOrFail(), i18n.t('app.name')) }
    } catch (error) {
      if (error instanceof PasskeyRefused) return response.unprocessableEntity({ message: i18n.t(`accounts.passkeys.refused.${error.reason}`) })
      throw error
    }
  }

  async store(ctx: HttpContext) {
    const { auth, session, request, i18n } = ctx
    const { name, credential } = await request.validateUsing(addPasskeyValidator)
    return this.#ceremony(ctx, async () => {
      const user = auth.getUserOrFail()
      await addPasskey(session, user, credential as unknown as RegistrationResponseJSON, name || i18n.t('accounts.passkeys.default_name'), request.ip())
      session.flash('success', i18n.t('accounts.passkeys.added'))
      return router.makeUrl('passkeys.index')
    })
  }

  async update(ctx: HttpContext) {
    const passkey = await ownPasskey(ctx.auth.getUserOrFail(), ctx.params.id)
    const { name } = await validateForm(ctx, renamePasskeyValidator, { errorsTarget: `#passkey-${passkey.id}-errors` })
    await renamePasskey(passkey, name)
    return formDone(ctx, {
      message: ctx.i18n.t('accounts.passkeys.renamed'),
      redirectTo: router.makeUrl('passkeys.index'),
      fragment: async (status) => ctx.view.render('accounts/partials/passkey_list', { passkeys: await passkeysOf(ctx.auth.user!), status }),
    })
  }

  async confirmRemove({ auth, params, view }: HttpContext) {
    return view.render('accounts/pages/passkey_remove', { passkey: await ownPasskey(auth.getUserOrFail(), params.id) })
  }

  async destroy({ auth, params, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await removePasskey(user, await ownPasskey(user, params.id), request.ip())
    session.flash('success', i18n.t('accounts.passkeys.removed'))
    return response.redirect().toRoute('passkeys.index')
  }

  async loginOptions({ session }: HttpContext) {
    return { options: await authenticationOptions(session) }
  }

  async login(ctx: HttpContext) {
    const { credential } = await ctx.request.validateUsing(passkeyLoginValidator)
    return this.#ceremony(ctx, async () => {
      await signIn(ctx, await verifyPasskeyLogin(ctx.session, credential as unknown as AuthenticationResponseJSON))
      return takeIntendedUrl(ctx)
    })
  }

  /**
   * The second step of a ceremony: where to go next as JSON, or its refusal in Chinese —
   * 422 JSON for the script, or (a form posted without JavaScript, so without a credential)
   * a redirect back with the message under the form.
   */
  async #ceremony(ctx: HttpContext, work: () => Promise<string>) {
    const { request, response, i18n } = ctx
    const json = request.accepts(['html', 'json']) === 'json'
    if (!request.input('credential')) throw fieldError('credential', i18n.t('accounts.passkeys.needs_javascript'))
    try {
      const next = await work()
      return json ? { redirect: next } : response.redirect(next)
    } catch (error) {
      let message: string | null = null
      if (error instanceof PasskeyRefused) message = i18n.t(`accounts.passkeys.refused.${error.reason}`)
      if (error instanceof AccountDeactivated) message = i18n.t('accounts.deactivated')
      if (!message) throw error
      if (json) return response.unprocessableEntity({ message })
      throw fieldError('credential', message)
    }
  }
}
