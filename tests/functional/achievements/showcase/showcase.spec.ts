import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import BountyClaim from '#modules/achievements/models/bounty_claim'
import Lecture from '#modules/achievements/models/lecture'
import Media from '#core/media/media'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeBounty } from '#tests/fixtures/achievements/bounties'

test.group('Achievements / 特派员风采', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a verified expert\'s showcase: completed bounties with the owners\' rating, lectures; unverified and unknown are 404', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ name: '李研究员', industries: ['fruit'] })
    for (const rating of [5, 4]) {
      const bounty = await makeBounty({ status: 'done' })
      const claim = await BountyClaim.create({ bountyId: bounty.id, expertUserId: user.id, proposal: '十年猕猴桃修剪经验，可上门指导。', status: 'chosen' })
      bounty.merge({ claimId: claim.id, ownerRating: rating, expertRating: 5 })
      await bounty.save()
    }
    const video = await Media.create({ publicId: 'showcasevideo000000001', ownerId: user.id, kind: 'video', contentType: 'video/mp4', storageKey: 'videos/sh/x.mp4', size: 10, visibility: 'public' })
    await Lecture.create({ expertUserId: user.id, title: '猕猴桃冬季修剪要点', summary: '讲解冬季修剪。', industry: 'fruit', videoId: video.id, rendition: 'pending', views: 3 })
    const page = await client.get(`/achievements/experts/${expert.id}`)
    page.assertStatus(200)
    assert.include(page.text(), '特派员风采：李研究员')
    assert.match(page.text(), /<strong>2<\/strong>个榜单已完成/)
    assert.match(page.text(), /<strong>4.5<\/strong>发榜方评分/)
    assert.include(page.text(), '猕猴桃冬季修剪要点')
    const pending = await makeExpert({ status: 'pending' })
    ;(await client.get(`/achievements/experts/${pending.expert.id}`)).assertStatus(404)
    ;(await client.get('/achievements/experts/999999')).assertStatus(404)
  })
})
