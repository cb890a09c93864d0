import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import Media from '#core/media/media'
import { deleteMedia, storePhoto, type UploadedFile } from '#core/media/media_service'
import { screen } from '#core/moderation/moderation'
import type { RegionScope } from '#core/regions/region_scope'
import ExpertStory from '#modules/achievements/models/expert_story'

export const STORY_SUBJECT = 'achievements.expert_story'
/** Photos a story shows at most. */
export const MAX_STORY_PHOTOS = 6

export interface StoryInput {
  title: string
  body: string
}

/** The expert the story is about, as the experts module hands it over. */
interface StoryExpert {
  id: number
  countyCode: string
}

/** Whether the person's centre scopes hold the expert's county: another county's expert does not exist for them. */
export const mayWriteStoryOf = (scopes: RegionScope[], expert: StoryExpert) => scopes.some((scope) => scope.contains(expert.countyCode))

/** The story's photos, first stored first. */
export function storyPhotos(story: ExpertStory | null) {
  return story ? Media.query().where({ subject_type: STORY_SUBJECT, subject_id: story.id }).orderBy('id') : Promise.resolve([])
}

/**
 * 保存风采故事: the centre's text (screened: blocked words refuse it) and photos — the new
 * ones added (public, up to MAX_STORY_PHOTOS in all), those ticked removed. One story per
 * expert: the first save writes it, later ones change it.
 */
export async function saveStory({ actor, ip }: Actor, expert: StoryExpert, input: StoryInput, photos: { added: UploadedFile[]; removed: string[] }) {
  const verdict = await screen({ module: 'achievements', countyCode: expert.countyCode, text: `${input.title}\n${input.body}` })
  if (verdict.verdict === 'block') throw new RuleError('achievements.stories.errors.blocked', 'body')
  const removed: Media[] = []
  const story = await db.transaction(async (trx) => {
    const current = await ExpertStory.query({ client: trx }).where('expert_id', expert.id).forUpdate().first()
    const saved = current ?? new ExpertStory()
    saved.useTransaction(trx)
    saved.merge({ ...input, expertId: expert.id, writtenBy: actor.id })
    await saved.save()
    const kept = await Media.query({ client: trx }).where({ subject_type: STORY_SUBJECT, subject_id: saved.id })
    removed.push(...kept.filter((media) => photos.removed.includes(media.publicId)))
    if (kept.length - removed.length + photos.added.length > MAX_STORY_PHOTOS) throw new RuleError('achievements.stories.errors.too_many_photos', 'photos', { max: MAX_STORY_PHOTOS })
    for (const photo of photos.added) {
      await storePhoto(photo, { owner: actor, visibility: 'public', countyCode: expert.countyCode, subject: { type: STORY_SUBJECT, id: saved.id }, client: trx })
    }
    await audit(trx, { actor, action: 'achievements.story_save', subjectType: STORY_SUBJECT, subjectId: saved.id, countyCode: expert.countyCode, ip })
    return saved
  })
  // The rows and files of removed photos go once the story is saved.
  for (const media of removed) await deleteMedia(media)
  return story
}
