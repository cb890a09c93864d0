import { test } from '@japa/runner'
import '#tests/fixtures/moderation/stand_in_modules'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { clock, MINUTE } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { AUTO_TRIP_THRESHOLD, AUTO_TRIP_WINDOW_MS, breakerStatus, holdForReview, onReviewDecision, screen } from '#core/moderation/moderation'
import { WordFilter, normalizeWord, type WordEntry } from '#core/moderation/word_filter'
import { actingAs } from '#core/accounts/acting'
import { addWord, removeWord } from '#core/moderation/word_list'
import { resetBreaker, tripBreaker } from '#core/moderation/breakers'
import { AlreadyDecidedError, decideReview } from '#core/moderation/reviews'
import { CircuitBreaker, ModerationWord, ReviewItem } from '#core/moderation/models'
import ModerationWordsSeeder from '#database/seeders/04_core_moderation_words_seeder'
import { createUser } from '#tests/helpers'

const entry = (word: string, category: WordEntry['category'] = 'gambling', action: WordEntry['action'] = 'hold'): WordEntry => ({
  normalized: normalizeWord(word),
  category,
  action,
})

async function platformAdmin() {
  return actingAs(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), '127.0.0.1')
}

test.group('Moderation / word filter', () => {
  test('separators, full-width letters and case inserted into a word still match: {$self}')
    .with([
      '一起来赌博吧',
      '一起来赌 博吧',
      '一起来赌*博吧',
      '一起来赌\u200b博吧',
      '一起来赌🎲博吧',
      '一起来赌，。、博吧',
      '一起来 赌\u3000-\u3000博 吧',
    ])
    .run(({ assert }, text) => {
      const filter = new WordFilter([entry('赌博')])
      assert.deepEqual(
        filter.matches(text).map((match) => match.normalized),
        ['赌博']
      )
    })

  test('full-width and upper-case Latin match a lower-case entry, and the excerpt is the original text', ({ assert }) => {
    const filter = new WordFilter([entry('vx', 'advertising')])
    const [match] = filter.matches('请加ＶＸ：123')
    assert.equal(match.category, 'advertising')
    assert.equal(match.excerpt, 'ＶＸ')
    assert.equal(filter.matches('加 V . x 详谈')[0].excerpt, 'V . x')
  })

  test('a Latin entry counts as a whole word only, separators inside it still ignored', ({ assert }) => {
    const filter = new WordFilter([entry('sex', 'sexual')])
    assert.lengthOf(filter.matches('this is exit 3'), 0)
    assert.lengthOf(filter.matches('sexy'), 0)
    assert.lengthOf(filter.matches('看 s.e.x 视频'), 1)
    assert.lengthOf(filter.matches('看SEX视频'), 1)
  })

  test('every listed word is found, also one inside the unfinished prefix of a longer one', ({ assert }) => {
    // mint-filter's own search reports only the deepest trie node and misses 开发 here.
    const filter = new WordFilter([entry('代开发票', 'fraud'), entry('开发', 'advertising'), entry('发票', 'fraud')])
    assert.sameMembers(
      filter.matches('代开发了').map((match) => match.normalized),
      ['开发']
    )
    assert.sameMembers(
      filter.matches('代开发票').map((match) => match.normalized),
      ['代开发票', '开发', '发票']
    )
  })

  test('empty, emoji-only, mixed-script and 10,000-character text', ({ assert }) => {
    const filter = new WordFilter([entry('赌博'), entry('诈骗', 'fraud')])
    assert.deepEqual(filter.matches(''), [])
    assert.deepEqual(filter.matches('🎉🎉🎉🙂'), [])
    assert.deepEqual(filter.matches('ཀ་ 𠀀 Ölçü ねこ 玉米 кукуруза 𝐀𝐁'), [])
    const long = '玉米叶子发黄怎么办，'.repeat(999) + '请大家千万不要赌博！'
    assert.lengthOf(long, 10_000)
    const started = performance.now()
    assert.deepEqual(
      filter.matches(long).map((match) => match.normalized),
      ['赌博']
    )
    assert.isBelow(performance.now() - started, 200)
  })

  test('a word that normalises to nothing is not a word', ({ assert }) => {
    assert.equal(normalizeWord('*** 🎲'), '')
    assert.equal(normalizeWord(' 赌　博 '), '赌博')
    assert.equal(normalizeWord('ＱＱ群'), 'qq群')
  })
})

test.group('Moderation / screen', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pass, hold and block verdicts with their categories', async ({ assert }) => {
    const admin = await platformAdmin()
    await addWord(admin, { word: '赌博', category: 'gambling', action: 'hold' })
    await addWord(admin, { word: '六合彩', category: 'gambling', action: 'hold' })
    await addWord(admin, { word: '办假证', category: 'fraud', action: 'block' })

    assert.deepEqual(await screen({ module: 'experts', countyCode: '510104', text: '玉米叶子发黄' }), {
      verdict: 'pass',
      categories: [],
      breakerTripped: false,
    })
    assert.deepEqual(await screen({ module: 'experts', countyCode: '510104', text: '赌 博和六合彩' }), {
      verdict: 'hold',
      categories: ['gambling'],
      breakerTripped: false,
    })
    assert.deepEqual(await screen({ module: 'experts', countyCode: '510104', text: '赌博，办*假*证' }), {
      verdict: 'block',
      categories: ['gambling', 'fraud'],
      breakerTripped: false,
    })
    assert.equal((await screen({ module: 'experts', countyCode: null, text: '' })).verdict, 'pass')
  })

  test('an unknown module is a programming error', async ({ assert }) => {
    await assert.rejects(() => screen({ module: 'expert' as any, countyCode: '510104', text: '你好' }), /Unknown moderated module/)
  })

  test('the filter is rebuilt after the list changes, in this process or in another', async ({ assert }) => {
    const admin = await platformAdmin()
    const text = '出售仿真枪'
    assert.equal((await screen({ module: 'supply', countyCode: '510104', text })).verdict, 'pass')

    const word = await addWord(admin, { word: '仿真枪', category: 'fraud', action: 'block' })
    assert.equal((await screen({ module: 'supply', countyCode: '510104', text })).verdict, 'block')

    await removeWord(admin, word)
    assert.equal((await screen({ module: 'supply', countyCode: '510104', text })).verdict, 'pass')

    // Another process, or SQL typed by hand, changes the list: only the database tells this one.
    await db.table('moderation_words').insert({ word: '仿真枪', normalized: '仿真枪', category: 'fraud', action: 'hold', created_at: new Date() })
    assert.deepEqual(await screen({ module: 'supply', countyCode: '510104', text }), {
      verdict: 'hold',
      categories: ['fraud'],
      breakerTripped: false,
    })
    await db.from('moderation_words').where('normalized', '仿真枪').update({ action: 'block' })
    assert.equal((await screen({ module: 'supply', countyCode: '510104', text })).verdict, 'block')
  })

  test('a word added inside the caller’s transaction screens there, and is gone after its rollback', async ({ assert }) => {
    const text = '加微信领红包'
    await db
      .transaction(async (trx) => {
        await trx.table('moderation_words').insert({ word: '领红包', normalized: '领红包', category: 'advertising', action: 'hold', created_at: new Date() })
        assert.equal((await screen({ module: 'info', countyCode: '510104', text }, trx)).verdict, 'hold')
        throw new Error('roll back')
      })
      .catch(() => {})
    assert.equal((await screen({ module: 'info', countyCode: '510104', text })).verdict, 'pass')
  })

  test('the starter list is seeded into an empty list only, so an admin’s removal stays removed', async ({ assert }) => {
    const count = () => ModerationWord.query().count('* as n').then(([row]) => Number(row.$extras.n))
    await new ModerationWordsSeeder(db.connection()).run()
    const seeded = await count()
    assert.isAtLeast(seeded, 12)
    assert.equal((await screen({ module: 'experts', countyCode: '510104', text: '来玩六合彩' })).verdict, 'hold')

    await removeWord(await platformAdmin(), await ModerationWord.findByOrFail('normalized', '六合彩'))
    await new ModerationWordsSeeder(db.connection()).run()
    assert.equal(await count(), seeded - 1)
    assert.equal((await screen({ module: 'experts', countyCode: '510104', text: '来玩六合彩' })).verdict, 'pass')
  })

  test('adding an empty or duplicate word is refused', async ({ assert }) => {
    const admin = await platformAdmin()
    await assert.rejects(() => addWord(admin, { word: ' *** ', category: 'abuse', action: 'hold' }))
    await addWord(admin, { word: '赌博', category: 'gambling', action: 'hold' })
    await assert.rejects(() => addWord(admin, { word: '赌 博', category: 'gambling', action: 'block' }))
    assert.equal(await ModerationWord.query().count('* as n').then(([row]) => Number(row.$extras.n)), 1)
  })
})

test.group('Moderation / circuit breaker', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a breaker for 510104/experts holds 510104 experts content only', async ({ assert }) => {
    const admin = await platformAdmin()
    await tripBreaker(admin, { module: 'experts', scope: RegionScope.fromPrefix('510104'), reason: '测试' })
    const clean = '水稻叶片有褐色斑点'

    assert.deepEqual(await screen({ module: 'experts', countyCode: '510104', text: clean }), {
      verdict: 'hold',
      categories: [],
      breakerTripped: true,
    })
    assert.deepEqual(await screen({ module: 'experts', countyCode: '510105', text: clean }), {
      verdict: 'pass',
      categories: [],
      breakerTripped: false,
    })
    assert.equal((await screen({ module: 'supply', countyCode: '510104', text: clean })).verdict, 'pass')
    assert.isTrue(await breakerStatus('experts', '510104'))
    assert.isFalse(await breakerStatus('experts', '510105'))
  })

  test('a city breaker covers its counties, the province breaker everything', async ({ assert }) => {
    const admin = await platformAdmin()
    await tripBreaker(admin, { module: 'info', scope: RegionScope.fromPrefix('5101'), reason: '成都' })
    assert.isTrue(await breakerStatus('info', '510104'))
    assert.isTrue(await breakerStatus('info', '510129'))
    assert.isFalse(await breakerStatus('info', '511623'))
    assert.isFalse(await breakerStatus('info', null))

    await tripBreaker(admin, { module: 'info', scope: RegionScope.province, reason: '全省' })
    assert.isTrue(await breakerStatus('info', '511623'))
    assert.isTrue(await breakerStatus('info', null))
  })

  test('trip and reset are audited; tripping a tripped breaker or resetting a reset one is refused', async ({ assert }) => {
    const admin = await platformAdmin()
    const breaker = await tripBreaker(admin, { module: 'experts', scope: RegionScope.fromPrefix('510104'), reason: '集中出现违规内容' })
    await assert.rejects(() => tripBreaker(admin, { module: 'experts', scope: RegionScope.fromPrefix('510104'), reason: '再次' }))
    await resetBreaker(admin, breaker.id, '已处理')
    await assert.rejects(() => resetBreaker(admin, breaker.id, '再次'))
    assert.isFalse(await breakerStatus('experts', '510104'))

    const rows = await AuditEntry.query().where('subjectType', 'moderation.breaker').orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.action, row.countyCode, row.actorRole, (row.changes as any).reason.new]),
      [
        ['moderation.breaker_trip', '510104', 'platform_admin', '集中出现违规内容'],
        ['moderation.breaker_reset', '510104', 'platform_admin', '已处理'],
      ]
    )
  })

  async function holdFlagged(countyCode: string, subjectId: number, module: 'experts' | 'info' = 'experts') {
    await db.transaction((trx) =>
      holdForReview(trx, { module, subjectType: 'test.note', subjectId, countyCode, text: '赌博', categories: ['gambling'] })
    )
  }

  test('the county breaker trips by itself at the threshold of held items within the window', async ({ assert }) => {
    for (let i = 1; i < AUTO_TRIP_THRESHOLD; i++) await holdFlagged('510104', i)
    // Other counties' and modules' items do not count.
    await holdFlagged('510105', 100)
    await holdFlagged('510104', 101, 'info')
    assert.isFalse(await breakerStatus('experts', '510104'))

    await holdFlagged('510104', AUTO_TRIP_THRESHOLD)
    assert.isTrue(await breakerStatus('experts', '510104'))
    assert.isFalse(await breakerStatus('experts', '510105'))
    const breaker = await CircuitBreaker.findByOrFail({ module: 'experts', scope: '510104' })
    assert.isTrue(breaker.automatic)
    const trip = await AuditEntry.findByOrFail('action', 'moderation.breaker_trip')
    assert.isNull(trip.actorId)
    assert.equal(trip.countyCode, '510104')
  })

  test('held items spread wider than the window do not trip it', async ({ assert }) => {
    const step = Math.ceil(AUTO_TRIP_WINDOW_MS / (AUTO_TRIP_THRESHOLD - 1)) + MINUTE
    for (let i = 1; i <= AUTO_TRIP_THRESHOLD * 2; i++) {
      await holdFlagged('510104', i)
      clock.travel(step)
    }
    assert.isFalse(await breakerStatus('experts', '510104'))
  })

  test('items held only because the breaker was tripped do not count, nor do items before a reset', async ({ assert }) => {
    const admin = await platformAdmin()
    for (let i = 1; i <= AUTO_TRIP_THRESHOLD * 2; i++) {
      await db.transaction((trx) =>
        holdForReview(trx, { module: 'experts', subjectType: 'test.note', subjectId: i, countyCode: '510104', text: '干净', categories: [] })
      )
    }
    assert.isFalse(await breakerStatus('experts', '510104'))

    for (let i = 100; i < 100 + AUTO_TRIP_THRESHOLD; i++) await holdFlagged('510104', i)
    const breaker = await CircuitBreaker.findByOrFail({ module: 'experts', scope: '510104' })
    clock.travel(MINUTE)
    await resetBreaker(admin, breaker.id, '已核查')
    clock.travel(MINUTE)
    await holdFlagged('510104', 200)
    assert.isFalse(await breakerStatus('experts', '510104'))
  })
})

test.group('Moderation / review queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('holding the same subject twice keeps one pending entry with the latest text', async ({ assert }) => {
    await db.transaction(async (trx) => {
      await holdForReview(trx, { module: 'experts', subjectType: 'test.note', subjectId: 7, countyCode: '510104', text: '第一版', categories: [] })
      await holdForReview(trx, { module: 'experts', subjectType: 'test.note', subjectId: 7, countyCode: '510104', text: '第二版', categories: ['abuse'] })
    })
    const items = await ReviewItem.query().where('subjectType', 'test.note')
    assert.lengthOf(items, 1)
    assert.equal(items[0].text, '第二版')
    assert.deepEqual(items[0].categories, ['abuse'])
    assert.isTrue(items[0].flagged)
  })

  test('a decision runs the registered handler in its transaction, is audited, and happens once', async ({ assert }) => {
    const calls: unknown[] = []
    onReviewDecision('test.unit_note', async (trx, subjectId, decision, reviewer, reason) => {
      assert.isTrue(trx.isTransaction)
      calls.push([subjectId, decision, reviewer.id, reason])
    })
    const id = await db.transaction((trx) =>
      holdForReview(trx, { module: 'info', subjectType: 'test.unit_note', subjectId: 42, countyCode: '510104', text: '六合彩', categories: ['gambling'] })
    )
    const staff = await actingAs(await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } }), null)

    await decideReview(staff, id, 'rejected', '含赌博内容')
    await assert.rejects(() => decideReview(staff, id, 'approved', null), AlreadyDecidedError as any)
    assert.deepEqual(calls, [[42, 'rejected', staff.actor.id, '含赌博内容']])

    const item = await ReviewItem.findOrFail(id)
    assert.equal(item.status, 'rejected')
    const audited = await AuditEntry.findByOrFail('action', 'moderation.review_reject')
    assert.deepInclude(audited.$attributes, { subjectType: 'test.unit_note', subjectId: '42', countyCode: '510104', actorRole: 'center_staff' })
  })

  test('a handler that fails rolls the decision back', async ({ assert }) => {
    onReviewDecision('test.failing_note', async () => {
      throw new Error('the module refused')
    })
    const id = await db.transaction((trx) =>
      holdForReview(trx, { module: 'info', subjectType: 'test.failing_note', subjectId: 1, countyCode: '510104', text: '内容', categories: [] })
    )
    const admin = await platformAdmin()
    await assert.rejects(() => decideReview(admin, id, 'approved', null), /the module refused/)
    assert.equal((await ReviewItem.findOrFail(id)).status, 'pending')
    assert.isNull(await AuditEntry.findBy('action', 'moderation.review_approve'))
  })
})
