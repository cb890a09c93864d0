import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { scoreIndustrySuggestion } from '#core/text/evaluation'
import TextEval from '../../../commands/text_eval.js'

test.group('text:eval · industry suggestion', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('prints the accuracy and coverage of the industry suggestion on the labelled set', async ({ assert }) => {
    const expected = scoreIndustrySuggestion(app.makePath('tests/fixtures/text/eval.jsonl'))
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(TextEval, [])
      await command.exec()
      command.assertSucceeded()
      const output = command.ui.logger.getLogs().map((log) => log.message).join('\n')
      assert.include(
        output,
        `industry suggestion: ${expected.items} items, accuracy ${expected.accuracy}, coverage ${expected.coverage}`
      )
    } finally {
      ace.ui.switchMode('normal')
    }
  }).timeout(300_000)
})
