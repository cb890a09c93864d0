import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { areaMessages } from '#core/http/form_messages'
import { guardForm } from '#core/http/forms'
import { plainText } from '#core/http/text_rules'
import { wasChosen } from '#core/media/media_service'
import { findVerifiedExpert } from '#modules/experts/public'
import ExpertStory from '#modules/achievements/models/expert_story'
import StoryPolicy from '#modules/achievements/showcase/policy'
import { MAX_STORY_PHOTOS, saveStory, storyPhotos } from '#modules/achievements/showcase/story_actions'

export const storyValidator = vine.create({
  title: plainText(60).minLength(4),
  body: plainText(2000).minLength(20),
  remove_photos: vine.array(vine.string().trim().maxLength(22)).maxLength(MAX_STORY_PHOTOS).optional(),
})

/** 风采故事: centre staff of the expert's county write and change the story on the showcase page. */
export default class StoriesController {
  async edit(ctx: HttpContext) {
    const expert = await this.#expert(ctx)
    if (!expert) return ctx.response.notFound()
    const story = await ExpertStory.findBy('expert_id', expert.id)
    return ctx.view.render('achievements/showcase/pages/story_form', {
      expert,
      story,
      photos: await storyPhotos(story),
      maxPhotos: MAX_STORY_PHOTOS,
      values: story ? { title: story.title, body: story.body } : {},
    })
  }

  async update(ctx: HttpContext) {
    const { request, auth, i18n, session, response } = ctx
    const expert = await this.#expert(ctx)
    if (!expert) return response.notFound()
    await guardForm(ctx, { errorsTarget: '#story-form-errors' }, async () => {
      const input = await request.validateUsing(storyValidator, { messagesProvider: areaMessages(i18n, 'achievements.stories.validator') })
      const added = request.files('photos', { size: '15mb' }).filter(wasChosen)
      return saveStory({ actor: auth.getUserOrFail(), ip: request.ip() }, expert, { title: input.title, body: input.body }, { added, removed: input.remove_photos ?? [] })
    })
    session.flash('success', i18n.t('achievements.stories.saved'))
    return response.redirect(`/achievements/experts/${expert.id}`)
  }

  /** The verified expert of the URL if the person's centre scopes hold their county; 403 for anyone without a centre role, or while that county is suspended. */
  async #expert(ctx: HttpContext) {
    await ctx.bouncer.with(StoryPolicy).authorize('write')
    const expert = await findVerifiedExpert(ctx.params.id)
    if (!expert) return null
    await ctx.bouncer.with(StoryPolicy).authorize('writeFor', expert)
    return expert
  }
}
