import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { fenToYuan } from '#core/money'
import { RuleError } from '#core/http/rule_error'
import { currentRules, proposedFen, ruleKindOf, RULE_KINDS } from '#modules/admin/subsidies/subsidy_rules'

/*
 * A county's subsidy list of a year: proposed by the system from the year's figures
 * (admin_performance_figures) and rules, adjusted line by line with a reason by the
 * county centre, approved by the level above — and then frozen: no adjustment, no
 * second approval.
 */

export interface SubsidyList {
  id: number
  year: number
  county_code: string
  status: 'draft' | 'approved'
  rule_versions: Record<string, number>
  approved_by_id: number | null
  approved_at: Date | null
}

async function lockList(trx: TransactionClientContract, id: number): Promise<SubsidyList> {
  const list = await trx.from('admin_subsidy_lists').where('id', id).forUpdate().first()
  if (!list) throw new RuleError('admin.subsidies.errors.list_missing')
  return list
}

/** The system's proposal for a county and year: one line per person with figures, from the rules in force. */
export async function proposeList(acting: Acting, input: { year: number; countyCode: string }): Promise<number> {
  const rules = await currentRules(input.year)
  if (RULE_KINDS.some((kind) => !rules.has(kind))) throw new RuleError('admin.subsidies.errors.rules_missing', 'year', { year: input.year })
  return db.transaction(async (trx) => {
    const existing = await trx.from('admin_subsidy_lists').where({ year: input.year, county_code: input.countyCode }).first()
    if (existing) throw new RuleError('admin.subsidies.errors.list_exists', 'year', { year: input.year })
    const figures = await trx.from('admin_performance_figures').where({ year: input.year, county_code: input.countyCode })
    if (figures.length === 0) throw new RuleError('admin.subsidies.errors.no_figures', 'year', { year: input.year })
    const now = new Date()
    const [list] = await trx
      .table('admin_subsidy_lists')
      .insert({
        year: input.year,
        county_code: input.countyCode,
        rule_versions: JSON.stringify(Object.fromEntries([...rules].map(([kind, rule]) => [kind, rule.version]))),
        proposed_by_id: acting.actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
    const lines = figures.map((row) => {
      const person = { role: row.role, level: row.level, valid: row.valid, rated: row.rated, ratingSum: row.rating_sum, triageMissed: row.triage_missed, responseMissed: row.response_missed }
      const rule = rules.get(ruleKindOf(person))!
      const fen = proposedFen(rule, person)
      return { list_id: list.id, user_id: row.user_id, kind: rule.kind, valid: row.valid, proposed_fen: fen, amount_fen: fen, max_fen: rule.maxFen }
    })
    for (let start = 0; start < lines.length; start += 1000) await trx.table('admin_subsidy_lines').multiInsert(lines.slice(start, start + 1000))
    await audit(trx, {
      ...acting,
      action: 'subsidies.propose',
      subjectType: 'admin.subsidy_list',
      subjectId: list.id,
      countyCode: input.countyCode,
      changes: { lines: { old: null, new: lines.length } },
    })
    return Number(list.id)
  })
}

/** The county centre changes one line's amount, with its reason; at most the rule's maximum, and only while the list is a draft. */
export async function adjustLine(acting: Acting, input: { lineId: number; amountFen: number; reason: string }) {
  return db.transaction(async (trx) => {
    const line = await trx.from('admin_subsidy_lines').where('id', input.lineId).forUpdate().first()
    if (!line) throw new RuleError('admin.subsidies.errors.list_missing')
    const list = await lockList(trx, line.list_id)
    if (list.status !== 'draft') throw new RuleError('admin.subsidies.errors.frozen')
    if (input.amountFen > line.max_fen) throw new RuleError('admin.subsidies.errors.over_max', 'amount', { max: fenToYuan(line.max_fen) })
    await trx.from('admin_subsidy_lines').where('id', line.id).update({ amount_fen: input.amountFen, adjust_reason: input.reason, adjusted_by_id: acting.actor.id, adjusted_at: new Date() })
    await audit(trx, {
      ...acting,
      action: 'subsidies.adjust',
      subjectType: 'admin.subsidy_line',
      subjectId: line.id,
      countyCode: list.county_code,
      changes: { amount_fen: { old: line.amount_fen, new: input.amountFen }, reason: { old: null, new: input.reason } },
    })
    return list
  })
}

/** The level above approves: the list is frozen from then on; a second approval is refused. */
export async function approveList(acting: Acting, listId: number) {
  return db.transaction(async (trx) => {
    const list = await lockList(trx, listId)
    if (list.status !== 'draft') throw new RuleError('admin.subsidies.errors.already_approved')
    const now = new Date()
    await trx.from('admin_subsidy_lists').where('id', list.id).update({ status: 'approved', approved_by_id: acting.actor.id, approved_at: now, updated_at: now })
    const total = await trx.from('admin_subsidy_lines').where('list_id', list.id).sum('amount_fen as fen').first()
    await audit(trx, {
      ...acting,
      action: 'subsidies.approve',
      subjectType: 'admin.subsidy_list',
      subjectId: list.id,
      countyCode: list.county_code,
      changes: { status: { old: 'draft', new: 'approved' }, total_fen: { old: null, new: Number(total?.fen ?? 0) } },
    })
    return list
  })
}
