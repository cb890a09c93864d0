import db from '@adonisjs/lucid/services/db'
import { defineDatabaseGauge } from '#core/metrics/metrics'

/**
 * Deadlines of the plan (五(三)1) missed right now, for /metrics: cases waiting for an expert
 * past their hour of triage, assigned cases past their 3 hours without an answer, closed cases
 * past their 7 days without a 回访. Each is a count over its own partial index.
 */
defineDatabaseGauge('experts_deadlines_overdue', 'Cases past a deadline right now (triage 1 h, response 3 h, follow-up 7 d)', ['deadline'], async () => {
  const { rows } = await db.rawQuery(`
    SELECT
      (SELECT count(*) FROM experts_consultations WHERE state = 'awaiting_triage' AND triage_due_at < now()) AS triage_1h,
      (SELECT count(*) FROM experts_consultations WHERE state = 'assigned' AND response_due_at < now()) AS response_3h,
      (SELECT count(*) FROM experts_consultations WHERE state = 'closed' AND followup_due_at < now()) AS followup_7d`)
  return Object.entries(rows[0] as Record<string, string>).map(([deadline, count]) => ({ labels: { deadline }, value: Number(count) }))
})
