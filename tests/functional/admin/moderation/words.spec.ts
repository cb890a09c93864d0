import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { ModerationWord } from '#core/moderation/models'
import { screen } from '#core/moderation/moderation'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const platformAdmin = () => createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })

test.group('Admin / moderation words', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page lists words with their category; the htmx fragment filters by category', async ({ client, assert }) => {
    const admin = await platformAdmin()
    await ModerationWord.createMany([
      { word: '赌博', normalized: '赌博', category: 'gambling', action: 'hold' },
      { word: '办假证', normalized: '办假证', category: 'fraud', action: 'block' },
    ] as any)

    const page = await client.get('/admin/moderation/words').loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '敏感词库')
    assert.include(page.text(), '赌博')
    assert.include(page.text(), '诈骗')

    const fragment = await client.get('/admin/moderation/words?category=fraud').header('HX-Request', 'true').loginAs(admin)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '办假证')
    assert.notInclude(fragment.text(), '赌博')
    assert.include(fragment.header('vary'), 'HX-Request')

    const empty = await client.get('/admin/moderation/words?category=politics').loginAs(admin)
    assert.include(empty.text(), '该类别下没有词语')
  })

  test('the list is paginated', async ({ client, assert }) => {
    const admin = await platformAdmin()
    await ModerationWord.createMany(
      Array.from({ length: 31 }, (_, i) => ({ word: `词${i}`, normalized: `词${i}`, category: 'advertising', action: 'hold' })) as any
    )
    const first = await client.get('/admin/moderation/words').loginAs(admin)
    assert.include(first.text(), '第 1 / 2 页')
    assert.include(first.text(), '共 31 个')
    const second = await client.get('/admin/moderation/words?page=2').loginAs(admin)
    assert.include(second.text(), '词0<')
  })

  test('adding a word without JavaScript: stored, audited, screened at once', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const response = await submitForm(client, '/admin/moderation/words', { word: ' 六合彩 ', category: 'gambling', action: 'hold' }, admin)
    assertRedirect(response, '/admin/moderation/words')
    assert.equal(response.flashMessages().success, '已添加“六合彩”')

    const word = await ModerationWord.findByOrFail('normalized', '六合彩')
    assert.equal(word.word, '六合彩')
    const entry = await AuditEntry.findByOrFail('action', 'moderation.word_add')
    assert.deepInclude(entry.$attributes, { actorId: admin.id, actorRole: 'platform_admin', subjectType: 'moderation.word', subjectId: String(word.id) })
    assert.equal((await screen({ module: 'experts', countyCode: '510104', text: '买六 合 彩' })).verdict, 'hold')
  })

  test('adding through htmx answers with the refreshed list and its status line', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const response = await submitHtmxForm(client, '/admin/moderation/words', { word: '百家乐', category: 'gambling', action: 'block' }, admin)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已添加“百家乐”')
    assert.include(response.text(), '禁止发布')

    const duplicate = await submitHtmxForm(client, '/admin/moderation/words', { word: '百 家 乐', category: 'gambling', action: 'hold' }, admin)
    duplicate.assertStatus(422)
    assert.include(duplicate.text(), '词库中已有这个词')
    assert.include(duplicate.text(), '百家乐')
  })

  test('bad words are refused with a Chinese message next to the field', async ({ client, assert }) => {
    const admin = await platformAdmin()
    for (const [word, message] of [
      ['', '请填写敏感词'],
      ['   ', '请填写敏感词'],
      ['*** 🎲 ！', '敏感词须包含文字或数字'],
      ['长'.repeat(51), '敏感词不能超过 50 个字'],
    ]) {
      const response = await submitForm(client, '/admin/moderation/words', { word, category: 'abuse', action: 'hold' }, admin)
      response.assertStatus(302)
      assert.deepEqual(fieldErrors(response, 'word'), [message], word)
    }
    const badCategory = await submitForm(client, '/admin/moderation/words', { word: '好词', category: 'weather', action: 'hold' }, admin)
    assert.deepEqual(fieldErrors(badCategory, 'category'), ['请选择有效的类别'])
    assert.equal(await ModerationWord.query().count('* as n').then(([row]) => Number(row.$extras.n)), 0)
    assert.isNull(await AuditEntry.findBy('action', 'moderation.word_add'))
  })

  test('removing a word asks first, then removes and audits it (plain post and htmx)', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const [first, second] = await ModerationWord.createMany([
      { word: '时时彩', normalized: '时时彩', category: 'gambling', action: 'hold' },
      { word: '刷单', normalized: '刷单', category: 'fraud', action: 'hold' },
    ] as any)

    const confirm = await client.get(`/admin/moderation/words/${first.id}/remove`).loginAs(admin)
    confirm.assertStatus(200)
    assert.include(confirm.text(), '确定从词库删除“时时彩”（赌博）吗？')
    assert.isNotNull(await ModerationWord.find(first.id))

    assertRedirect(await submitForm(client, `/admin/moderation/words/${first.id}/remove`, {}, admin), '/admin/moderation/words')
    assert.isNull(await ModerationWord.find(first.id))

    const fragment = await submitHtmxForm(client, `/admin/moderation/words/${second.id}/remove`, {}, admin)
    fragment.assertStatus(200)
    assert.include(fragment.text(), '已删除“刷单”')
    assert.notInclude(fragment.text(), '<html')
    assert.equal(await AuditEntry.query().where('action', 'moderation.word_remove').count('* as n').then(([row]) => Number(row.$extras.n)), 2)
    assert.equal((await screen({ module: 'experts', countyCode: '510104', text: '时时彩' })).verdict, 'pass')
  })

  test('checking a text: 10,000 characters, emoji and mixed scripts give a verdict, never an error page', async ({ client, assert }) => {
    const admin = await platformAdmin()
    await ModerationWord.create({ word: '赌博', normalized: '赌博', category: 'gambling', action: 'hold' } as any)
    const long = '玉米叶子发黄怎么办，'.repeat(999) + '不要赌🎲博！！！'.padEnd(10, '。')

    const fragment = await submitHtmxForm(client, '/admin/moderation/words/check', { text: long }, admin)
    fragment.assertStatus(200)
    assert.include(fragment.text(), '检测结果：需人工审核后发布')
    assert.include(fragment.text(), '命中：赌🎲博（赌博）')

    const page = await submitForm(client, '/admin/moderation/words/check', { text: 'Ölçü ཀ་ ねこ 🐷🐷 玉米 & | ! : * ( )' }, admin)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '检测结果：通过，可直接发布')
    assert.include(page.text(), '没有命中词库中的词语')

    const empty = await submitForm(client, '/admin/moderation/words/check', { text: '' }, admin)
    assert.deepEqual(fieldErrors(empty, 'text'), ['请输入要检测的文本'])
  })

  test('only platform administrators manage the word list', async ({ client, assert }) => {
    const cityAdmin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const word = await ModerationWord.create({ word: '赌博', normalized: '赌博', category: 'gambling', action: 'hold' } as any)
    for (const user of [cityAdmin, staff]) {
      ;(await client.get('/admin/moderation/words').loginAs(user)).assertStatus(403)
      ;(await submitForm(client, '/admin/moderation/words', { word: '新词', category: 'abuse', action: 'hold' }, user)).assertStatus(403)
      ;(await submitForm(client, `/admin/moderation/words/${word.id}/remove`, {}, user)).assertStatus(403)
      ;(await submitForm(client, '/admin/moderation/words/check', { text: '赌博' }, user)).assertStatus(403)
    }
    assert.isNotNull(await ModerationWord.find(word.id))
    assert.isNull(await ModerationWord.findBy('normalized', '新词'))
    const guest = await client.get('/admin/moderation/words').redirects(0)
    guest.assertStatus(302)
  })
})
