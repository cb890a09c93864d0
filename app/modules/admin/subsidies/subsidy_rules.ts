import db from '@adonisjs/lucid/services/db'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'

/*
 * A year's subsidy rules (六(二)): one per kind of person — experts by level, 信息员 —
 * with its thresholds (valid consultations, average rating, deadline misses) and amounts
 * (a base once the threshold is met, so much per valid consultation above it, a maximum).
 * A change is a new version: the old ones stay, and a list records which it used.
 */

export const RULE_KINDS = ['expert_province', 'expert_city', 'expert_county', 'info_officer'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export interface SubsidyRule {
  kind: RuleKind
  version: number
  minValid: number
  /** Lowest average rating ×10; null: none. */
  minRatingTenths: number | null
  /** Most 1 h/3 h deadline misses allowed; null: none. */
  maxMissed: number | null
  baseFen: number
  perValidFen: number
  maxFen: number
}

/** What a rule reads of a person's year. */
export interface RuleFigures {
  role: 'expert' | 'info_officer'
  level: string | null
  valid: number
  rated: number
  ratingSum: number
  triageMissed: number
  responseMissed: number
}

export function ruleKindOf(figures: Pick<RuleFigures, 'role' | 'level'>): RuleKind {
  if (figures.role === 'info_officer') return 'info_officer'
  return figures.level === 'province' ? 'expert_province' : figures.level === 'city' ? 'expert_city' : 'expert_county'
}

/** The deadline misses a rule counts: an expert's own 3 h misses; for a 信息员, their cases that waited past 1 h for triage. */
export function missesOf(figures: RuleFigures) {
  return figures.role === 'expert' ? figures.responseMissed : figures.triageMissed
}

/** The amount the system proposes (fen): nothing below a threshold, else base + per valid case above the threshold, at most the maximum. */
export function proposedFen(rule: SubsidyRule, figures: RuleFigures): number {
  if (figures.valid < rule.minValid) return 0
  if (rule.minRatingTenths !== null && (figures.rated === 0 || (figures.ratingSum * 10) / figures.rated < rule.minRatingTenths)) return 0
  if (rule.maxMissed !== null && missesOf(figures) > rule.maxMissed) return 0
  return Math.min(rule.maxFen, rule.baseFen + rule.perValidFen * (figures.valid - rule.minValid))
}

const fromRow = (row: any): SubsidyRule => ({
  kind: row.kind,
  version: row.version,
  minValid: row.min_valid,
  minRatingTenths: row.min_rating_tenths,
  maxMissed: row.max_missed,
  baseFen: row.base_fen,
  perValidFen: row.per_valid_fen,
  maxFen: row.max_fen,
})

/** The year's rule in force per kind (its newest version); a kind without one is absent. */
export async function currentRules(year: number): Promise<Map<RuleKind, SubsidyRule>> {
  const rows = await db.from('admin_subsidy_rules').where('year', year).distinctOn('kind').orderBy([{ column: 'kind' }, { column: 'version', order: 'desc' }])
  return new Map(rows.map((row) => [row.kind, fromRow(row)]))
}

/** Every version of the year's rules, newest first, with who set them and why. */
export function ruleHistory(year: number) {
  return db
    .from('admin_subsidy_rules as r')
    .leftJoin('users as u', 'u.id', 'r.created_by_id')
    .where('r.year', year)
    .select('r.*', 'u.name as author_name')
    .orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }])
}

export interface RuleInput extends Omit<SubsidyRule, 'version'> {
  year: number
  reason: string
}

/** A new version of a year's rule for one kind, audited. */
export async function saveRule(acting: Acting, input: RuleInput): Promise<SubsidyRule> {
  if (input.baseFen > input.maxFen) throw new RuleError('admin.subsidies.errors.base_over_max', 'base_yuan')
  return db.transaction(async (trx) => {
    // One writer per year and kind at a time: the version numbers stay a sequence.
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`admin_subsidy_rules:${input.year}:${input.kind}`])
    const last = await trx.from('admin_subsidy_rules').where({ year: input.year, kind: input.kind }).max('version as version').first()
    const version = Number(last?.version ?? 0) + 1
    const [row] = await trx
      .table('admin_subsidy_rules')
      .insert({
        year: input.year,
        kind: input.kind,
        version,
        min_valid: input.minValid,
        min_rating_tenths: input.minRatingTenths,
        max_missed: input.maxMissed,
        base_fen: input.baseFen,
        per_valid_fen: input.perValidFen,
        max_fen: input.maxFen,
        reason: input.reason,
        created_by_id: acting.actor.id,
        created_at: new Date(),
      })
      .returning('*')
    await audit(trx, {
      ...acting,
      action: 'subsidies.rule_save',
      subjectType: 'admin.subsidy_rule',
      subjectId: row.id,
      changes: { rule: { old: null, new: `${input.year} ${input.kind} v${version}: ${input.reason}` } },
    })
    return fromRow(row)
  })
}
