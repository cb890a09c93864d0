import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type Media from '#core/media/media'

/** Decides whether a person may see the record (e.g. a module's case or listing) a file is attached to. */
export type SubjectViewerCheck = (user: User, subjectId: number) => Promise<boolean>

const subjectViewers = new Map<string, SubjectViewerCheck>()

/**
 * A module that attaches private media to its records registers who else may see
 * them (e.g. the person a case is assigned to), once, at boot.
 */
export function allowSubjectViewers(subjectType: string, check: SubjectViewerCheck) {
  subjectViewers.set(subjectType, check)
}

/**
 * Public media: anyone. Private media: the uploader; and, once attached to a record,
 * staff and administrators whose region scope contains the record's county and whoever
 * the owning module allows. A file not yet attached (still in 我的图片, or kept from a
 * failed form) is its uploader's alone.
 */
export async function canView(user: User | null | undefined, media: Media): Promise<boolean> {
  if (media.visibility === 'public') return true
  if (!user) return false
  if (isOwner(user, media)) return true
  if (!media.subjectType || media.subjectId === null) return false
  const scopes = await user.scopesFor(...SCOPED_ROLES)
  if (scopes.some((scope) => scope.contains(media.countyCode))) return true
  const check = subjectViewers.get(media.subjectType)
  return check ? check(user, media.subjectId) : false
}

export function isOwner(user: User | null | undefined, media: Media): boolean {
  return !!user && Number(user.id) === Number(media.ownerId)
}
