import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { ModerationWord } from '#core/moderation/models'
import { actingAs } from '#core/accounts/acting'
import { WORD_ACTIONS, WORD_CATEGORIES, type WordCategory } from '#core/moderation/vocabulary'
import { addWord, checkText, removeWord } from '#core/moderation/word_list'
import ModerationPolicy from '#modules/admin/moderation/policy'
import { answerChange, validate, type Status } from '#modules/admin/moderation/moderation_http'
import { addWordValidator, checkTextValidator, wordFilterValidator } from '#modules/admin/moderation/validators'

const PAGE = 'admin/moderation/pages/words'
const LIST = 'admin/moderation/partials/word_list'

/** The sensitive-word list: platform-wide, so platform administrators only. */
export default class ModerationWordsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageWords')
    const { category, page } = await validate(ctx, wordFilterValidator, ctx.request.qs())
    return renderPageOrFragment(ctx, PAGE, LIST, await this.#listData(category, page ?? 1))
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageWords')
    const { i18n } = ctx
    return answerChange(ctx, {
      redirectTo: router.makeUrl('admin.moderation.words.index'),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData(undefined, 1)), status }),
      change: async () => {
        const input = await validate(ctx, addWordValidator)
        const word = await addWord(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), input)
        return { ok: true, text: i18n.t('moderation.words.added', { word: word.word }) }
      },
    })
  }

  /** The confirmation step before a removal (works without JavaScript). */
  async confirmRemove(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageWords')
    const word = await ModerationWord.findOrFail(ctx.params.id)
    return ctx.view.render('admin/moderation/pages/word_remove', { word })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageWords')
    const word = await ModerationWord.findOrFail(ctx.params.id)
    await removeWord(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), word)
    return answerChange(ctx, {
      redirectTo: router.makeUrl('admin.moderation.words.index'),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData(undefined, 1)), status }),
      change: async () => ({ ok: true, text: ctx.i18n.t('moderation.words.removed', { word: word.word }) }),
    })
  }

  /** What the list would do with a text; nothing is stored. */
  async check(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageWords')
    const { text } = await validate(ctx, checkTextValidator)
    const result = await checkText(text)
    if (wantsFragment(ctx)) return ctx.view.render('admin/moderation/partials/screen_result', { result })
    return ctx.view.render(PAGE, { ...(await this.#listData(undefined, 1)), result, checkedText: text })
  }

  async #listData(category: WordCategory | undefined, page: number, status?: Status) {
    const query = ModerationWord.query().orderBy('id', 'desc')
    if (category) query.where('category', category)
    const words = await query.paginate(page, 30)
    return { words, category: category ?? '', categories: WORD_CATEGORIES, actions: WORD_ACTIONS, status }
  }
}
