import type { Role } from '#core/accounts/roles'
import type User from '#core/accounts/models/user'

/**
 * The ways into the modules' pages. Core's pages (home, 我的, the tab bar) show what
 * the modules registered from their start.ts, so core names no module route.
 *
 * Areas:
 * - `home.actions`: the large buttons of the home page (a row per group);
 * - `home.centre`: the centre's links on the home page (a line per group);
 * - `home.public`: what everyone sees, signed in or not;
 * - `profile`: links under 我的资料;
 * - `tabs`: the tab bar at the foot of every page (an icon each).
 */
export type NavigationArea = 'home.actions' | 'home.centre' | 'home.public' | 'profile' | 'tabs'

/** What a link may know of the viewer: the roles read once per request, nothing more. */
export interface Viewer {
  signedIn: boolean
  roles: ReadonlySet<Role>
}

export interface NavigationLink {
  area: NavigationArea
  /** i18n key of the link text */
  label: string
  /** Route name (the module's own) */
  route: string
  /** Links of one group share a row (home buttons) or a line (centre links). */
  group?: string
  /** `secondary` for the lighter button style of home.actions. */
  style?: 'primary' | 'secondary'
  /** Tab bar: the icon, and the path prefix that marks the tab current. */
  icon?: string
  activePrefix?: string
  /** Lower first; equal orders keep registration order. */
  order?: number
  /** Whether this viewer is shown the link (roles only: no query per page). */
  visible?: (viewer: Viewer) => boolean
  /**
   * How much waits behind the link (a count badge): a query, so only for links few people
   * see (the centre's), and run only when the link is shown.
   */
  badge?: (user: User) => Promise<number>
  /** Tab bar: the badge is the sum of the badges of this area's links the viewer sees. */
  badgeOf?: NavigationArea
}

export interface NavigationGroup {
  group: string
  links: NavigationLink[]
}

export class NavigationRegistry {
  #links: NavigationLink[] = []

  register(...entries: NavigationLink[]) {
    for (const entry of entries) {
      if (this.#links.some((link) => link.area === entry.area && link.route === entry.route)) {
        throw new Error(`Navigation: ${entry.route} is registered twice in ${entry.area}`)
      }
      this.#links.push(entry)
    }
  }

  /** The viewer's links of an area, in groups, in order. */
  for(area: NavigationArea, viewer: Viewer): NavigationGroup[] {
    const shown = this.#links
      .filter((link) => link.area === area && (link.visible?.(viewer) ?? true))
      .map((link, index) => ({ link, index }))
      .sort((a, b) => (a.link.order ?? 0) - (b.link.order ?? 0) || a.index - b.index)
      .map(({ link }) => link)
    const groups: NavigationGroup[] = []
    for (const link of shown) {
      const group = link.group ?? link.route
      const last = groups.at(-1)
      if (last && last.group === group) last.links.push(link)
      else groups.push({ group, links: [link] })
    }
    return groups
  }
}

const navigation = new NavigationRegistry()
export const registerNavigation = (...entries: NavigationLink[]) => navigation.register(...entries)
export const navigationFor = (area: NavigationArea, viewer: Viewer) => navigation.for(area, viewer)

/** The badges of one request's pages: each count asked once, however often the page shows it. */
export function navigationBadges(viewer: Viewer, user: User | null) {
  const counts = new Map<NavigationLink, Promise<number>>()
  const count = (link: NavigationLink): Promise<number> => {
    if (!user) return Promise.resolve(0)
    if (link.badgeOf) {
      const links = navigation.for(link.badgeOf, viewer).flatMap((group) => group.links)
      return Promise.all(links.map(count)).then((all) => all.reduce((sum, n) => sum + n, 0))
    }
    if (!link.badge) return Promise.resolve(0)
    if (!counts.has(link)) counts.set(link, link.badge(user))
    return counts.get(link)!
  }
  return count
}

/** Predicates modules use in `visible`. */
export const hasAnyRole =
  (...roles: Role[]) =>
  (viewer: Viewer) =>
    roles.some((role) => viewer.roles.has(role))

export const lacksRole = (role: Role) => (viewer: Viewer) => viewer.signedIn && !viewer.roles.has(role)
