import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type Media from '#core/media/media'
import { canView, isOwner } from '#core/media/media_access'

const notFound = () => AuthorizationResponse.deny('Not found', 404)

/** Whoever may not see a file is told it does not exist (404), never that it is private. */
export default class MediaPolicy extends BasePolicy {
  @allowGuest()
  async view(user: User | null, media: Media) {
    return (await canView(user, media)) ? AuthorizationResponse.allow() : notFound()
  }

  /** Only the uploader deletes from "我的图片"; modules remove attached files through their own records. */
  async delete(user: User, media: Media) {
    return isOwner(user, media) ? AuthorizationResponse.allow() : notFound()
  }
}
