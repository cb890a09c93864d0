import { test } from '@japa/runner'
import { proposedFen, ruleKindOf, type RuleFigures, type SubsidyRule } from '#modules/admin/subsidies/subsidy_rules'

/** A fixture year (2025): county experts from 20 valid cases, 信息员 from 10. */
const COUNTY_EXPERT: SubsidyRule = { kind: 'expert_county', version: 1, minValid: 20, minRatingTenths: 40, maxMissed: 3, baseFen: 200_000, perValidFen: 5_000, maxFen: 500_000 }
const OFFICER: SubsidyRule = { kind: 'info_officer', version: 2, minValid: 10, minRatingTenths: null, maxMissed: null, baseFen: 60_000, perValidFen: 2_000, maxFen: 120_000 }

const expert = (changes: Partial<RuleFigures>): RuleFigures => ({ role: 'expert', level: 'county', valid: 20, rated: 10, ratingSum: 45, triageMissed: 0, responseMissed: 0, ...changes })
const officer = (changes: Partial<RuleFigures>): RuleFigures => ({ role: 'info_officer', level: null, valid: 10, rated: 0, ratingSum: 0, triageMissed: 9, responseMissed: 0, ...changes })

test.group('Subsidies / rules on a fixture year', () => {
  test('the kind of a person: experts by level, 信息员', ({ assert }) => {
    assert.equal(ruleKindOf({ role: 'expert', level: 'province' }), 'expert_province')
    assert.equal(ruleKindOf({ role: 'expert', level: 'city' }), 'expert_city')
    assert.equal(ruleKindOf({ role: 'expert', level: 'county' }), 'expert_county')
    assert.equal(ruleKindOf({ role: 'info_officer', level: null }), 'info_officer')
  })

  test('a county expert: nothing below 20 valid cases, the base at 20, 50 yuan per case above, 5 000 yuan at most', ({ assert }) => {
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ valid: 19 })), 0)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ valid: 20 })), 200_000)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ valid: 31 })), 255_000)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ valid: 500 })), 500_000)
  })

  test('a county expert under the rating threshold, unrated, or over the missed 3 h deadlines gets nothing', ({ assert }) => {
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ rated: 10, ratingSum: 39 })), 0)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ rated: 10, ratingSum: 40 })), 200_000)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ rated: 0, ratingSum: 0 })), 0)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ responseMissed: 3 })), 200_000)
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ responseMissed: 4 })), 0)
    // Triage delays are not the expert's.
    assert.equal(proposedFen(COUNTY_EXPERT, expert({ triageMissed: 40 })), 200_000)
  })

  test('a 信息员 with no rating or deadline threshold: the base from 10 valid cases, 20 yuan per case above, at most 1 200', ({ assert }) => {
    assert.equal(proposedFen(OFFICER, officer({ valid: 9 })), 0)
    assert.equal(proposedFen(OFFICER, officer({ valid: 10 })), 60_000)
    assert.equal(proposedFen(OFFICER, officer({ valid: 25 })), 90_000)
    assert.equal(proposedFen(OFFICER, officer({ valid: 100 })), 120_000)
  })
})
