import router from '@adonisjs/core/services/router'
import type { Constructor, LazyImport } from '@poppinss/utils/types'
import { routeGroup } from '#core/http/route_group'

/** One action on a case: method, path below the entrance, controller method, route name (the method's, unless given). */
export type CaseAction = readonly ['get' | 'post', string, string, string?]

/**
 * Where a case is reached from. `signedIn` entrances need an account; the others are
 * the SMS links, where the controller checks the token itself, so a tampered or
 * expired link gets a Chinese refusal page rather than a bare 404.
 */
export interface CaseEntrance {
  prefix: string
  as: string
  signedIn?: boolean
}

const MEDIA_PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/

/**
 * Declares the same actions of one controller at every entrance: the reporter's or
 * expert's signed-in page and the SMS link serve one case through one table, so the
 * two cannot drift apart. `:id` is the case; a path's `:visitId`, `:publicId` and
 * `:variant` are constrained here too.
 */
export function caseRoutes(controller: LazyImport<Constructor<any>>, actions: readonly CaseAction[], entrances: readonly CaseEntrance[]) {
  for (const entrance of entrances) {
    routeGroup({ prefix: entrance.prefix, as: entrance.as, signedIn: entrance.signedIn ?? false }, () => {
      for (const [method, path, action, name] of actions) router[method](path, [controller, action]).as(name ?? action)
    })
      .where('visitId', router.matchers.number())
      .where('publicId', MEDIA_PUBLIC_ID)
      .where('variant', /^(full|thumb)$/)
  }
}

/** A case's thread and files as the SMS-link pages serve them. */
export const LINK_THREAD_ACTIONS: readonly CaseAction[] = [
  ['get', '/messages', 'messages', 'messages.index'],
  ['post', '/messages', 'storeMessage', 'messages.store'],
]
export const LINK_MEDIA_ACTION: CaseAction = ['get', '/media/:publicId/:variant', 'media']
/** The holder of an SMS link ends it (and the others sent so far). */
export const LINK_END_ACTION: CaseAction = ['post', '/end', 'endLink', 'end']
