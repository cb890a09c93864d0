import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import IndustryRecord from '#modules/info/models/industry_record'

/**
 * A county's record of 产业现状 as its author saved it (a draft); states set what the
 * workflow would have set by then. The author (authorId) is the caller's to give.
 */
export const IndustryRecordFactory = factory
  .define(IndustryRecord, () => ({
    kind: 'status' as const,
    category: 'local' as const,
    industries: ['fruit'],
    regionCode: '510104',
    title: '锦江区柑橘产业发展现状',
    summary: '全区柑橘种植面积与产量稳步增长。',
    body: '锦江区柑橘种植面积约一万亩，主栽品种为春见和不知火。\n\n近年来推广水肥一体化，亩产提高一成。',
    ipOwner: '锦江区农业农村局',
    source: '锦江区统计年鉴',
    validFrom: DateTime.fromISO('2026-01-01'),
    validTo: null,
    status: 'draft' as const,
    screenCategories: [],
  }))
  .state('submitted', (record) => {
    record.status = 'submitted'
  })
  .state('published', (record) => {
    record.status = 'published'
    record.publishedAt = DateTime.now()
  })
  .build()
