import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { markReading } from '#core/accounts/scoped_access'

const abilities = {}
const policies = {}

/** Policies are imported by the controllers that use them (modules own theirs). */
export default class InitializeBouncerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    // A reading request (GET, HEAD) keeps a suspended region's read access (#core/accounts/scoped_access).
    const reads = ['GET', 'HEAD'].includes(ctx.request.method())
    const userOf = () => {
      const user = ctx.auth.user || null
      if (user && reads) markReading(user)
      return user
    }
    ctx.bouncer = new Bouncer(userOf, abilities, policies).setContainerResolver(ctx.containerResolver)
    if ('view' in ctx) ctx.view.share(ctx.bouncer.edgeHelpers)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    bouncer: Bouncer<Exclude<HttpContext['auth']['user'], undefined>, typeof abilities, typeof policies>
  }
}
