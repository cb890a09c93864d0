import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { normalizeWord } from '#core/moderation/word_filter'
import type { WordAction, WordCategory } from '#core/moderation/vocabulary'

/**
 * A modest starter list so screening works from the first day; platform admins grow
 * it at /admin/moderation/words. Words farmers use honestly about their problems
 * (假种子, 假农药: reports of fake inputs) are deliberately absent. Runs in every
 * environment, and only into an empty list: once admins manage the list, a word they
 * removed must not come back with the next deployment.
 */
const STARTER: [string, WordCategory, WordAction][] = [
  ['颠覆国家政权', 'politics', 'hold'],
  ['煽动分裂国家', 'politics', 'hold'],
  ['色情服务', 'sexual', 'block'],
  ['裸聊', 'sexual', 'block'],
  ['赌博', 'gambling', 'hold'],
  ['网络赌场', 'gambling', 'block'],
  ['六合彩', 'gambling', 'hold'],
  ['百家乐', 'gambling', 'hold'],
  ['时时彩', 'gambling', 'hold'],
  ['代开发票', 'fraud', 'block'],
  ['办假证', 'fraud', 'block'],
  ['刷单返利', 'fraud', 'block'],
  ['信用卡套现', 'fraud', 'hold'],
  ['高额返利', 'fraud', 'hold'],
  ['日赚千元', 'advertising', 'hold'],
  ['兼职刷单', 'advertising', 'hold'],
  ['代理加盟', 'advertising', 'hold'],
  ['傻逼', 'abuse', 'hold'],
  ['王八蛋', 'abuse', 'hold'],
  ['去死吧', 'abuse', 'hold'],
]

export default class ModerationWordsSeeder extends BaseSeeder {
  async run() {
    const [{ count }] = await this.client.from('moderation_words').count('* as count')
    if (Number(count) > 0) return
    const rows = STARTER.map(([word, category, action]) => ({
      word,
      normalized: normalizeWord(word),
      category,
      action,
      created_at: new Date(),
    }))
    await this.client.table('moderation_words').insert(rows).onConflict('normalized').ignore()
  }
}
