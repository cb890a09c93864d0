import type { IndustryCode, Lexicon } from '#core/text/lexicon'
import { INDUSTRY_CODES } from '#core/text/lexicon'
import { type Random, Weighted } from '#database/factories/plan_scale/random'

/**
 * Words and templates of the plan-scale generator: synthetic cases read like what
 * farmers and 信息员 type (Sichuan colloquial, symptoms before names), built from the
 * agricultural dictionary of database/data/text so that the text engine meets the
 * same vocabulary, term frequencies and noise it will meet in production.
 */

/** Share of consultations per industry in Sichuan (grain, pigs, vegetables and fruit lead). */
export const INDUSTRY_WEIGHTS: Record<IndustryCode, number> = {
  grain_oil: 18,
  pig: 16,
  vegetable: 14,
  fruit: 13,
  tea: 7,
  herb: 7,
  cattle_sheep: 7,
  fish: 5,
  liquor: 3,
  bamboo: 3,
  equipment: 3,
  seed: 2,
  drying_cold_chain: 2,
}

/** Relative cases per month (January first): the crop calendar and the animal-disease seasons. */
export const SEASONS: Record<IndustryCode, number[]> = {
  grain_oil: [2, 3, 5, 7, 9, 9, 10, 8, 6, 4, 3, 2],
  pig: [9, 8, 7, 6, 6, 6, 7, 7, 7, 8, 9, 10],
  tea: [3, 5, 10, 10, 8, 6, 5, 5, 5, 4, 3, 2],
  vegetable: [5, 5, 7, 8, 9, 9, 8, 8, 7, 6, 6, 5],
  liquor: [2, 2, 3, 4, 6, 8, 9, 9, 6, 4, 3, 2],
  bamboo: [3, 4, 7, 8, 6, 5, 5, 5, 5, 4, 3, 3],
  fruit: [3, 4, 7, 8, 9, 9, 9, 8, 7, 5, 4, 3],
  herb: [3, 4, 6, 8, 9, 9, 8, 7, 6, 4, 3, 2],
  cattle_sheep: [8, 8, 7, 7, 6, 5, 5, 5, 6, 7, 8, 9],
  fish: [2, 2, 4, 6, 8, 10, 10, 10, 8, 5, 3, 2],
  seed: [4, 6, 9, 8, 6, 4, 3, 3, 4, 5, 4, 3],
  equipment: [3, 5, 8, 7, 6, 6, 6, 8, 9, 7, 4, 3],
  drying_cold_chain: [2, 2, 3, 4, 5, 6, 8, 9, 9, 7, 4, 2],
}

/** Cases per city relative to its farming population; industries a city is known for weigh more. */
export const CITY_PROFILES: Record<string, { weight: number; industries?: Partial<Record<IndustryCode, number>> }> = {
  '5101': { weight: 1.0, industries: { vegetable: 1.5, equipment: 1.5, seed: 2 } },
  '5103': { weight: 0.5 },
  '5104': { weight: 0.3, industries: { fruit: 4 } },
  '5105': { weight: 0.9, industries: { liquor: 3 } },
  '5106': { weight: 0.8, industries: { grain_oil: 1.3 } },
  '5107': { weight: 1.0, industries: { grain_oil: 1.2 } },
  '5108': { weight: 0.7, industries: { herb: 1.5, tea: 1.5 } },
  '5109': { weight: 0.7, industries: { pig: 1.3 } },
  '5110': { weight: 0.7, industries: { pig: 1.3 } },
  '5111': { weight: 0.7, industries: { tea: 2.5 } },
  '5113': { weight: 1.2, industries: { pig: 1.3, fruit: 1.2 } },
  '5114': { weight: 0.7, industries: { fruit: 2.5 } },
  '5115': { weight: 1.0, industries: { tea: 2.5, liquor: 3, bamboo: 2 } },
  '5116': { weight: 0.8 },
  '5117': { weight: 1.2, industries: { pig: 1.2 } },
  '5118': { weight: 0.5, industries: { tea: 4, fish: 2 } },
  '5119': { weight: 0.8, industries: { herb: 1.5 } },
  '5120': { weight: 0.6 },
  '5132': { weight: 0.3, industries: { cattle_sheep: 6, herb: 2, fruit: 1.5 } },
  '5133': { weight: 0.3, industries: { cattle_sheep: 6, herb: 2 } },
  '5134': { weight: 1.0, industries: { cattle_sheep: 2.5, fruit: 2, herb: 1.5 } },
}

/** Chengdu's central districts: few farms, few cases, but some experts' institutes. */
export const URBAN_DISTRICTS = new Set(['510104', '510105', '510106', '510107', '510108'])

/** Relative cases per hour of the day (China time): mornings and late afternoons in the field. */
export const HOURS = [0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.5, 2, 2, 1.8, 1.5, 1, 1.2, 1.5, 1.6, 1.5, 1.4, 1.3, 1.5, 1.4, 1, 0.5, 0.2]

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔']
const GIVEN = [...'国华建明文军平志秀英玉兰芳德成林春海红云福贵强勇俊杰小丽霞燕桂兴刚伟永学清光富安全荣顺祥发万中']
const VILLAGE_SYLLABLES = [...'青石桥河坝沟湾坪岭山塘田林竹柏松杨柳桂花龙凤新民和平安乐双星红光白马黄金']
const FIELD_TITLES: Record<Family, string[]> = {
  crop: ['农技员', '助理农艺师', '农艺师', '高级农艺师', '推广研究员'],
  animal: ['畜牧师', '兽医师', '高级兽医师', '执业兽医', '水产工程师'],
  machine: ['农机工程师', '高级农机工程师', '农机技术员'],
  process: ['工程师', '高级工程师', '技术员'],
}
const ACADEMIC_TITLES = ['助理研究员', '副研究员', '研究员', '讲师', '副教授', '教授']
const LOCAL_ORGS: Record<Family, string[]> = {
  crop: ['农业农村局', '农业技术推广中心', '经济作物站', '植保站', '土肥站'],
  animal: ['畜牧兽医站', '动物疫病预防控制中心', '水产站', '农业农村局'],
  machine: ['农机推广站', '农机化服务中心'],
  process: ['农产品质量安全中心', '农业农村局'],
}
const PROVINCE_ORGS = ['四川农业大学', '四川省农业科学院', '四川省畜牧科学研究院', '西南民族大学', '四川省农业技术推广总站', '四川省水产研究所', '四川省农业机械研究设计院', '成都大学', '西华大学']

type Family = 'crop' | 'animal' | 'machine' | 'process'
const FAMILY: Record<IndustryCode, Family> = {
  grain_oil: 'crop',
  pig: 'animal',
  tea: 'crop',
  vegetable: 'crop',
  liquor: 'process',
  bamboo: 'crop',
  fruit: 'crop',
  herb: 'crop',
  cattle_sheep: 'animal',
  fish: 'animal',
  seed: 'process',
  equipment: 'machine',
  drying_cold_chain: 'process',
}

/** {s} subject, {y}/{z} symptoms, {p} problem, {r} remedy, {w} weather/when, {x} extent, {v} village, {n} person. */
const QUESTIONS: Record<Family, string[]> = {
  crop: [
    '我家{s}{y}，{x}，是不是{p}哦？咋个办',
    '信息员反映：{v}农户{s}出现{y}，{x}，请专家指导用药',
    '{s}最近{y}，{w}，打了{r}也没得效果，请问还有啥子办法',
    '{w}，{s}{y}，{x}，怕是遭了{p}，用啥子药好',
    '请教专家：{s}{y}，还{z}，{x}',
    '{v}{n}家的{s}{y}，{x}，问一下是啥子病',
    '{s}得了{p}，{x}，咋个防治嘛',
    '帮农户问：{s}{y}，{z}，{w}，该打啥子药',
    '{s}{y}{z}，{x}，急！',
    '今年{s}{y}，去年也是这样，{x}，有没得根治的办法',
  ],
  animal: [
    '我家{s}{y}，{x}，是不是{p}哦？咋个办',
    '信息员反映：{v}养殖户的{s}{y}，{z}，{x}，请专家看一下',
    '{s}这几天{y}，{w}，喂了{r}也不见好',
    '{s}{y}还{z}，{x}，怕是{p}，要不要紧',
    '请教专家：{s}{y}，{x}，该咋个治',
    '{v}{n}家{s}{y}，{x}，打啥子针',
    '{s}得了{p}，{x}，咋个办嘛',
    '帮养殖户问：{s}{y}，{z}，{w}',
  ],
  machine: [
    '我家{s}{y}，{x}，咋个修',
    '{s}用了{k}年了，最近{y}，{z}，是哪里坏了',
    '信息员反映：{v}农机手的{s}{y}，{w}，请专家指导',
    '请教：{s}{y}，{x}，要换啥子零件',
    '{s}一开起来就{y}，{z}，咋个办',
  ],
  process: [
    '{s}{y}，{x}，是哪个环节出了问题',
    '请教专家：{s}的时候{y}，{w}，咋个办',
    '信息员反映：{v}合作社{s}{y}，{x}，请专家指导',
    '我们{s}老是{y}，{z}，有没得好办法',
    '{s}{y}还{z}，{w}，求助',
  ],
}

const ANSWERS: Record<Family, string[]> = {
  crop: [
    '这是{p}，{c}。每亩用{r}{d}兑水{l}公斤喷雾，隔{k}天再喷一次；{q}。',
    '从描述看是{p}。发病初期用{r}{d}兑水喷雾，连喷{k}次；同时{q}，{c}。',
    '初步判断为{p}，{c}。建议用{r}防治，{q}；如果还在扩展，拍照片发上来再看。',
  ],
  animal: [
    '初步判断是{p}。先把病{a}隔离，用{r}按说明书剂量使用，连用{k}天；{q}，圈舍每天消毒。',
    '像是{p}，{c}。用{r}治疗，同时{q}；死亡的要无害化处理，不要乱丢。',
    '根据症状考虑{p}。建议{q}，再用{r}，{k}天后没有好转请联系县畜牧站现场诊断。',
  ],
  machine: [
    '{y}一般是{m}引起的。先检查{e}，{f}；还不行就送农机维修点。',
    '多半是{m}。{f}，平时{q}。',
  ],
  process: [
    '这个问题多半出在{q}上，{c}。建议{h}，注意{q2}。',
    '{y}一般是{q}没做好，{h}；需要的话县中心可以派人现场指导。',
  ],
}

const WEATHER = ['这几天雨多', '连着出了十多天太阳', '前几天降温了', '最近天气闷热', '刚打完药又下雨', '开春以来', '今年雨水多', '这段时间早晚温差大', '下了一场冰雹过后', '天旱了一个多月']
const CROP_EXTENT = ['一块田死了一半', '好多棵都这样', '越来越多了', '一片一片的', '有三四亩', '全村好几家都这样', '刚开始只有几窝', '蔓延得快', '叶子都落完了', '产量怕要减一半']
const ANIMAL_EXTENT = ['已经死了两头', '十几头都这样', '一圈都传染了', '死了好几条', '一天比一天多', '吃料少了一半', '刚买回来没几天', '大的小的都有']
const MACHINE_EXTENT = ['耽误收割了', '修了两回还是不行', '才买一年', '地里活路等到起']
const PROCESS_EXTENT = ['损失不小', '客户退了货', '这一批都不合格', '好几批都这样']
const CAUSES = ['高温高湿容易发生', '和连作有关', '多是排水不好引起的', '偏施氮肥会加重', '通风透光差的田块重', '阴雨天最易流行', '种苗带菌是主要来源', '管理粗放的地块发生重']
const ANIMAL_CAUSES = ['多由天气变化和圈舍潮湿诱发', '和引种没有隔离有关', '疫苗没按程序免疫容易发生', '饲料霉变也会引起']
const DOSES = ['20克', '30毫升', '50克', '40毫升', '15克', '100毫升', '60克']
const MACHINE_CAUSES = ['油路进了空气', '火花塞积碳', '空气滤清器堵了', '皮带松了', '电瓶亏电', '喷油嘴雾化不好']
const MACHINE_PARTS = ['油路', '火花塞', '空滤', '皮带', '电瓶', '喷油嘴']
const MACHINE_FIXES = ['清洗后重新装好', '调一下松紧', '换个新的', '充满电再试', '排一下空气']
const PROCESS_HINTS = ['控制好温度和湿度', '分批处理不要堆太厚', '进库前先预冷', '按标准分级包装', '做好记录方便追溯']
/** What a farmer sees on any crop, in their words. */
const CROP_SYMPTOMS = ['叶子发黄', '叶片卷曲', '长了好多斑', '一棵一棵枯死', '烂根', '落花落果', '长势差', '叶尖干枯', '茎秆发黑', '果子长畸形', '叶子上有白粉', '叶背有虫']
/** Field advice that goes with a treatment. */
const ADVICE: Record<Family, string[]> = {
  crop: ['清沟排湿', '及时清除病株带出田外烧毁', '合理密植', '增施磷钾肥', '轮作倒茬', '雨后及时补喷', '注意轮换用药', '选用抗病品种'],
  animal: ['加强通风保暖', '饮水里加电解多维', '病死的做无害化处理', '按程序补免疫苗', '减少应激', '降低饲养密度', '更换新鲜饲料'],
  machine: ['按说明书定期保养', '用完清理干净', '换季前全面检修'],
  process: [],
}
/** Storage and processing troubles (the drying and cold-chain terms are services, not symptoms). */
const PROCESS_SYMPTOMS = ['发霉', '烘不干', '水分偏高', '颜色发暗', '失重多', '烂得多', '出库后变软', '表面结露', '有异味', '烘糊了']
const THANKS = ['谢谢专家，用了药好多了', '按专家说的做了，好些了', '还想问一下，多久可以再打一次', '照片发上来了，麻烦再看一下', '好的，明天就去买药']
const REPLIES = ['好转就好，注意观察，有问题再问', '间隔7天左右，雨后要补喷', '看了照片，按原来的方案继续', '注意轮换用药，避免抗药性']
const SPECIALTY_WORDS: Record<Family, string[]> = {
  crop: ['病虫害防治', '栽培技术', '土肥管理', '品种选育', '绿色防控'],
  animal: ['疫病防控', '饲养管理', '繁殖技术', '饲料营养', '养殖场建设'],
  machine: ['农机维修', '农机选型', '智能农机', '农机作业'],
  process: ['产地加工', '储藏保鲜', '品质控制', '标准化生产'],
}

interface Pools {
  subjects: string[]
  problems: string[]
  symptoms: string[]
  remedies: string[]
  practices: string[]
}

export interface CaseText {
  text: string
  answer: string
  /** The disease, pest or fault the case was written from: the benchmark counts any case of it as the same problem */
  problem: string
}

/** Question, answer and profile texts for one industry at a time, from the dictionary. */
export class CaseWriter {
  readonly #pools = new Map<IndustryCode, Pools>()

  constructor(lexicon: Lexicon) {
    const byIndustry = new Map<string, Map<string, string[]>>()
    const shared = new Map<string, string[]>()
    for (const term of lexicon.terms.values()) {
      const targets = term.industries.length ? term.industries.map((code) => byIndustry.get(code) ?? byIndustry.set(code, new Map()).get(code)!) : [shared]
      for (const target of targets) {
        const list = target.get(term.category) ?? target.set(term.category, []).get(term.category)!
        list.push(term.term)
      }
    }
    const of = (code: string, ...categories: string[]) =>
      categories.flatMap((category) => byIndustry.get(code)?.get(category) ?? [])
    // Named products only: '农药' or '杀菌剂' is not something an expert prescribes.
    const generic = (category: string) => (shared.get(category) ?? []).filter((word) => word.length >= 3 && !/剂$|农药$|肥料$/.test(word))
    for (const code of INDUSTRY_CODES) {
      const family = FAMILY[code]
      // Crops, breeds and species; a variety name now and then (farmers name what they planted).
      let subjects = [...of(code, 'crop', 'breed', 'species'), ...of(code, 'variety').filter((_, index) => index % 4 === 0)]
      if (code === 'seed') subjects = [...of('grain_oil', 'crop'), ...of('vegetable', 'crop')].map((crop) => `${crop}种子`)
      if (code === 'equipment') subjects = of(code, 'machine')
      if (code === 'drying_cold_chain') subjects = ['烘干', '冷库', '预冷', '冷链运输', '烘干机', '果蔬保鲜', ...of(code, 'practice').slice(0, 40)]
      if (code === 'liquor') subjects = [...of(code, 'crop'), '窖池', '酿酒', '制曲']
      const problems = family === 'machine' || family === 'process' ? of(code, 'symptom', 'disease') : of(code, 'disease', 'pest')
      const remedies = family === 'animal' ? of(code, 'drug') : family === 'crop' ? generic('pesticide') : of(code, 'practice')
      this.#pools.set(code, {
        subjects: nonEmpty(subjects, code),
        problems: nonEmpty(problems.length ? problems : of(code, 'practice'), code),
        symptoms: nonEmpty([...of(code, 'symptom'), ...(family === 'crop' ? CROP_SYMPTOMS : family === 'process' ? PROCESS_SYMPTOMS : [])], code),
        remedies: nonEmpty(remedies.length ? remedies : generic('practice'), code),
        practices: nonEmpty(family === 'process' ? of(code, 'practice') : ADVICE[family], code),
      })
    }
  }

  consultation(industry: IndustryCode, random: Random, place: { village: string; person: string }): CaseText {
    const pools = this.#pools.get(industry)!
    const family = FAMILY[industry]
    const symptom = random.pick(pools.symptoms)
    let other = random.pick(pools.symptoms)
    if (other === symptom) other = random.pick(pools.symptoms)
    const problem = random.pick(pools.problems)
    const subject = random.pick(pools.subjects)
    const remedy = random.pick(pools.remedies)
    const extent = random.pick(family === 'animal' ? ANIMAL_EXTENT : family === 'machine' ? MACHINE_EXTENT : family === 'process' ? PROCESS_EXTENT : CROP_EXTENT)
    const values: Record<string, string> = {
      s: subject,
      y: symptom,
      z: other,
      p: problem,
      r: remedy,
      w: random.pick(WEATHER),
      x: extent,
      v: place.village,
      n: place.person,
      k: String(random.int(2, 8)),
    }
    const text = fill(random.pick(QUESTIONS[family]), values)
    const answerValues: Record<string, string> = {
      ...values,
      c: random.pick(family === 'animal' ? ANIMAL_CAUSES : CAUSES),
      d: random.pick(DOSES),
      l: String(random.pick([15, 30, 45, 50])),
      k: String(random.int(2, 7)),
      q: random.pick(pools.practices),
      q2: random.pick(pools.practices),
      a: subject.length <= 2 ? subject : '畜',
      m: random.pick(MACHINE_CAUSES),
      e: random.pick(MACHINE_PARTS),
      f: random.pick(MACHINE_FIXES),
      h: random.pick(PROCESS_HINTS),
    }
    return { text, answer: fill(random.pick(ANSWERS[family]), answerValues), problem }
  }

  /** What an expert lists as specialties: terms of their industries plus a field of work. */
  specialties(industries: IndustryCode[], random: Random): string {
    const words = new Set<string>()
    for (const code of industries) {
      const pools = this.#pools.get(code)!
      words.add(random.pick(pools.subjects))
      words.add(random.pick(pools.problems))
      words.add(random.pick(SPECIALTY_WORDS[FAMILY[code]]))
    }
    return [...words].join('、')
  }

  followUpMessage(random: Random): string {
    return random.pick(THANKS)
  }

  followUpReply(random: Random): string {
    return random.pick(REPLIES)
  }
}

function nonEmpty(list: string[], code: string): string[] {
  if (list.length === 0) throw new Error(`plan-scale vocabulary: no words for industry ${code}`)
  return list
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.7) ? random.pick(GIVEN) : '')
}

export function villageName(random: Random): string {
  return `${random.pick(VILLAGE_SYLLABLES)}${random.pick(VILLAGE_SYLLABLES)}村`
}

/** Where an expert works: a provincial institute, or the city's or county's agricultural office of their field. */
export function expertOrganization(level: 'county' | 'city' | 'province', industry: IndustryCode, place: { county: string; city: string }, random: Random) {
  if (level === 'province') return random.pick(PROVINCE_ORGS)
  const office = random.pick(LOCAL_ORGS[FAMILY[industry]])
  return level === 'city' ? `${place.city}${random.chance(0.3) ? '农业科学院' : office}` : `${place.county}${office}`
}

export function expertTitle(level: 'county' | 'city' | 'province', industry: IndustryCode, random: Random): string {
  return level === 'province' && random.chance(0.7) ? random.pick(ACADEMIC_TITLES) : random.pick(FIELD_TITLES[FAMILY[industry]])
}

/**
 * Relative cases per industry in a city: the province's shares, the city's own
 * specialities, and — given a month (0 = January) — that month's season.
 */
export function industryShares(cityPrefix: string, month?: number): [IndustryCode, number][] {
  const profile = CITY_PROFILES[cityPrefix]
  return INDUSTRY_CODES.map((code) => [
    code,
    INDUSTRY_WEIGHTS[code] * (profile?.industries?.[code] ?? 1) * (month === undefined ? 1 : SEASONS[code][month]),
  ])
}

export function industryWeights(cityPrefix: string, month?: number): Weighted<IndustryCode> {
  return new Weighted(industryShares(cityPrefix, month))
}
