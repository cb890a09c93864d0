import { test } from '@japa/runner'
import { RegionScope } from '#core/regions/region_scope'
import type { Role } from '#core/accounts/roles'
import { levelOf, mayFill, mayRegister, mayReview } from '#modules/admin/centres/center_rights'
import { staffShortfall } from '#modules/admin/centres/centre_actions'

const grant = (role: Role, prefix: string) => ({ role, scope: RegionScope.fromPrefix(prefix) })
const county = { level: 'county' as const, scope: RegionScope.fromPrefix('510104') }
const city = { level: 'city' as const, scope: RegionScope.fromPrefix('5101') }
const province = { level: 'province' as const, scope: RegionScope.province }
const station = { level: 'village' as const, scope: RegionScope.fromPrefix('510104') }

test.group('Admin / centres / who does what', () => {
  test('the level of a centre follows its region code; a village code makes a station', ({ assert }) => {
    assert.equal(levelOf('510000', null), 'province')
    assert.equal(levelOf('510100', null), 'city')
    assert.equal(levelOf('510104', null), 'county')
    assert.equal(levelOf('510104', '510104001001'), 'village')
  })

  test('a centre is registered by administrators of the level above; stations by their county', ({ assert }) => {
    const cityAdmin = [grant('center_admin', '5101')]
    assert.isTrue(mayRegister(cityAdmin, 'county', RegionScope.fromPrefix('510104')))
    assert.isFalse(mayRegister(cityAdmin, 'city', RegionScope.fromPrefix('5101')), 'not its own level')
    assert.isFalse(mayRegister(cityAdmin, 'county', RegionScope.fromPrefix('510302')), 'not another city')
    assert.isFalse(mayRegister([grant('center_staff', '5101')], 'county', RegionScope.fromPrefix('510104')), 'staff do not register')
    assert.isTrue(mayRegister([grant('center_admin', '510104')], 'village', RegionScope.fromPrefix('510104')))
    assert.isFalse(mayRegister([grant('center_admin', '510105')], 'village', RegionScope.fromPrefix('510104')))
    assert.isTrue(mayRegister([grant('platform_admin', '51')], 'province', RegionScope.province))
    assert.isFalse(mayRegister([grant('center_admin', '51')], 'province', RegionScope.province))
    assert.isTrue(mayRegister([grant('center_admin', '51')], 'city', RegionScope.fromPrefix('5101')))
  })

  test("a centre's own people fill its checklist; the level above reviews it, never the centre itself", ({ assert }) => {
    const countyStaff = [grant('center_staff', '510104')]
    assert.isTrue(mayFill(countyStaff, county))
    assert.isFalse(mayReview(countyStaff, county))
    assert.isFalse(mayFill([grant('center_staff', '510105')], county))
    const cityStaff = [grant('center_staff', '5101')]
    assert.isFalse(mayFill(cityStaff, county), 'the city does not fill for a county')
    assert.isTrue(mayReview(cityStaff, county))
    assert.isFalse(mayReview(cityStaff, city), 'nor reviews itself')
    assert.isTrue(mayReview([grant('center_admin', '51')], city))
    assert.isFalse(mayReview([grant('center_admin', '5103')], county), 'another city')
    assert.isFalse(mayReview([grant('center_admin', '51')], province))
    assert.isTrue(mayReview([grant('platform_admin', '51')], province))
    assert.isFalse(mayReview([{ role: 'expert' as Role, scope: null }], county))
  })

  test("a village station is filled by its county's people and reviewed by its county's administrators or above", ({ assert }) => {
    assert.isTrue(mayFill([grant('center_staff', '510104')], station))
    assert.isFalse(mayReview([grant('center_staff', '510104')], station))
    assert.isTrue(mayReview([grant('center_admin', '510104')], station))
    assert.isTrue(mayReview([grant('center_staff', '5101')], station))
    assert.isFalse(mayReview([grant('center_admin', '510105')], station))
  })

  test('有 3–5 名人员: fewer than three or more than five is refused', ({ assert }) => {
    assert.equal(staffShortfall(2), 'too_few')
    assert.isNull(staffShortfall(3))
    assert.isNull(staffShortfall(5))
    assert.equal(staffShortfall(6), 'too_many')
  })
})
