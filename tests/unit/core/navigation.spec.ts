import { test } from '@japa/runner'
import { NavigationRegistry, hasAnyRole, lacksRole, type Viewer } from '#core/navigation'

const guest: Viewer = { signedIn: false, roles: new Set() }
const farmer: Viewer = { signedIn: true, roles: new Set(['farmer']) }
const expert: Viewer = { signedIn: true, roles: new Set(['expert', 'farmer']) }

test.group('Navigation registry', () => {
  test('links come in order and in groups, shown only to viewers they are visible to', ({ assert }) => {
    const navigation = new NavigationRegistry()
    navigation.register(
      { area: 'home.actions', route: 'b.cases', label: 'b', visible: hasAnyRole('expert'), order: 20 },
      { area: 'home.actions', group: 'a', route: 'a.new', label: 'a1', order: 10 },
      { area: 'home.actions', group: 'a', route: 'a.list', label: 'a2', order: 10 },
      { area: 'profile', route: 'b.apply', label: 'apply', visible: lacksRole('expert') }
    )
    const shape = (viewer: Viewer) => navigation.for('home.actions', viewer).map((g) => g.links.map((l) => l.route))
    assert.deepEqual(shape(expert), [['a.new', 'a.list'], ['b.cases']])
    assert.deepEqual(shape(farmer), [['a.new', 'a.list']])
    assert.deepEqual(navigation.for('profile', farmer).length, 1)
    assert.deepEqual(navigation.for('profile', expert), [])
    assert.deepEqual(navigation.for('profile', guest), [], 'lacksRole is for signed-in viewers only')
    assert.deepEqual(navigation.for('tabs', expert), [])
  })

  test('a route registered twice in one area is a boot error, not a doubled link', ({ assert }) => {
    const navigation = new NavigationRegistry()
    navigation.register({ area: 'tabs', route: 'x.index', label: 'x' })
    assert.throws(() => navigation.register({ area: 'tabs', route: 'x.index', label: 'x' }), /registered twice/)
    navigation.register({ area: 'home.public', route: 'x.index', label: 'x' })
  })
})
