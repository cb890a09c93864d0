import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { forgetTokenStatistics } from '#core/text/token_statistics'
import { nearness, rankMatches, type MatchCandidate } from '#modules/achievements/matching/ranking'
import { findMatches } from '#modules/achievements/matching/matches'
import { expertUser, makeDemand, makeOffer, marketEntity } from '#tests/fixtures/achievements/listings'
import { MATCH_PAIRS } from '#tests/fixtures/achievements/match_pairs'

const anchor = { industries: ['fruit'], countyCode: '510129', kind: 'technology' as const }
const candidate = (id: number, overrides: Partial<MatchCandidate>): MatchCandidate => ({ id, industries: ['fruit'], countyCode: '510129', kind: 'technology', textScore: 0.3, ...overrides })

test.group('Achievements / matching: the ranking', () => {
  test('region nearness: same county > same city > the province', ({ assert }) => {
    assert.equal(nearness('510129', '510129'), 'county')
    assert.equal(nearness('510129', '510104'), 'city')
    assert.equal(nearness('510129', '511803'), 'province')
  })

  test('with equal text, a same-industry same-county offer ranks above a different-industry one, then by nearness and kind', ({ assert }) => {
    const ranked = rankMatches(anchor, [
      candidate(1, { industries: ['tea'] }),
      candidate(2, { countyCode: '511803' }),
      candidate(3, {}),
      candidate(4, { countyCode: '510104' }),
      candidate(5, { kind: 'equipment' }),
    ])
    assert.deepEqual(ranked.map((match) => match.id), [3, 5, 4, 2, 1])
    assert.deepEqual(ranked[0].reasons, ['industry', 'county', 'kind', 'text'])
    assert.deepEqual(ranked[0].sharedIndustries, ['fruit'])
    assert.deepEqual(ranked.at(-1)!.reasons, ['county', 'kind', 'text'])
  })

  test('place and kind alone make no match: a different industry with unrelated text is dropped', ({ assert }) => {
    const ranked = rankMatches(anchor, [candidate(1, { industries: ['pig'], textScore: 0 }), candidate(2, { industries: ['pig'], textScore: 0.05 })])
    assert.deepEqual(ranked, [])
  })
})

test.group('Achievements / matching: the engine on a labelled fixture', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => forgetTokenStatistics())

  test('a demand finds its same-industry same-county offer first, above a different-industry offer with similar words', async ({ assert }) => {
    // pair-001: 猕猴桃溃疡病 in 大邑 (川果), answered by 猕猴桃溃疡病绿色防控技术.
    const pair = MATCH_PAIRS.find((line) => line.id === 'pair-001')!
    const researcher = await expertUser()
    const answer = await makeOffer({ owner: researcher, title: pair.offer.title, description: pair.offer.description, county: pair.county, industries: [pair.industry] })
    // Another industry's offer sharing words (防控, 冬季, 技术) and the county.
    const other = await makeOffer({ owner: researcher, title: '茶园冬季冻害综合防控技术', description: '冬季覆盖和喷施防冻剂，综合防控高山茶园冬季冻害，春季早发芽。', county: pair.county, industries: ['tea'] })
    const far = await makeOffer({ owner: researcher, title: '猕猴桃溃疡病防控', description: '猕猴桃溃疡病枝干流脓的防控技术。', county: '511803', industries: ['fruit'] })
    const demand = await makeDemand({ owner: await marketEntity(), title: pair.demand.title, description: pair.demand.description, county: pair.county, industries: [pair.industry] })
    const matches = await findMatches('demands', demand)
    const ids = matches.map((match) => Number(match.listing.id))
    assert.equal(ids[0], Number(answer.id))
    assert.isBelow(ids.indexOf(Number(far.id)), ids.indexOf(Number(other.id)) === -1 ? Infinity : ids.indexOf(Number(other.id)))
    assert.includeMembers(matches[0].reasons, ['industry', 'county', 'text'])
  })

  test('never the owner\'s own listing, never an unpublished one', async ({ assert }) => {
    const entity = await marketEntity()
    await makeOffer({ owner: entity, title: '自己发的猕猴桃溃疡病防控技术' })
    await makeOffer({ title: '已撤回的猕猴桃溃疡病防控技术', status: 'withdrawn' })
    await makeOffer({ title: '审核中的猕猴桃溃疡病防控技术', status: 'held' })
    const demand = await makeDemand({ owner: entity })
    assert.deepEqual(await findMatches('demands', demand), [])
  })
})
