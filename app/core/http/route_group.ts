import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

export interface RouteGroupOptions {
  /** Path prefix of the group ('' for none). */
  prefix?: string
  /** Name prefix: the module and feature, e.g. '<module>.<feature>'. */
  as: string
  /** false for pages anyone may open: public pages, and SMS links whose token the controller checks. */
  signedIn?: boolean
}

/**
 * A feature's routes under one path and name prefix. Signed in unless said otherwise,
 * so a module cannot forget the auth middleware on one group; `:id` is always a number.
 */
export function routeGroup(options: RouteGroupOptions, routes: () => void) {
  const group = router.group(routes).as(options.as).where('id', router.matchers.number())
  if (options.prefix) group.prefix(options.prefix)
  if (options.signedIn !== false) group.use(middleware.auth())
  return group
}
