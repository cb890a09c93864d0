import type { HttpContext } from '@adonisjs/core/http'
import { industriesOf } from '#core/industries/industry_rules'
import type User from '#core/accounts/models/user'
import { fieldError } from '#core/http/field_error'
import { wantsFragment } from '#core/http/render'
import Media from '#core/media/media'
import { MediaRejectedError } from '#core/media/errors'
import { wasChosen } from '#core/media/media_service'
import regionDirectory from '#core/regions/region_directory'
import Expert from '#modules/experts/models/expert'
import {
  AlreadyAppliedError,
  applyAsExpert,
  setAvailability,
  updateExpertProfile,
  type ProfileInput,
} from '#modules/experts/profiles/profile_actions'
import { availabilityOf } from '#modules/experts/profiles/profile_queries'
import { industryList } from '#core/industries/industry_directory'
import { MAX_OTHER_INDUSTRIES, availabilityValidator, expertProfileValidator, profileMessages } from '#modules/experts/profiles/validators'

/** Applying to be an expert, and the expert's own profile and availability ("我的专家资料"). */
export default class ProfilesController {
  async create({ view, auth, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    if (await ownProfile(user)) {
      session.flash('success', i18n.t('experts.profiles.apply.already_applied'))
      return response.redirect().toRoute('experts.profiles.mine')
    }
    return view.render('experts/profiles/pages/apply', { ...(await formData()), user })
  }

  async store({ request, auth, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    if (await ownProfile(user)) return response.redirect().toRoute('experts.profiles.mine')
    if (!user.name) {
      session.flash('error', i18n.t('experts.profiles.apply.name_missing'))
      return response.redirect().toRoute('profile.edit')
    }
    const input = await validatedProfile(request, i18n)
    try {
      await applyAsExpert({ actor: user, ip: request.ip() }, input, [request.file('photo')].find(wasChosen) ?? null)
    } catch (error) {
      if (error instanceof AlreadyAppliedError) return response.redirect().toRoute('experts.profiles.mine')
      throw asPhotoError(error, i18n)
    }
    session.flash('success', i18n.t('experts.profiles.apply.applied'))
    return response.redirect().toRoute('experts.profiles.mine')
  }

  async edit({ view, auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const expert = await ownProfile(user)
    if (!expert) return response.redirect().toRoute('experts.profiles.apply')
    return view.render('experts/profiles/pages/mine', {
      ...(await formData()),
      user,
      expert,
      availability: availabilityOf(expert),
      photo: expert.photoId ? await Media.find(expert.photoId) : null,
      region: await regionDirectory.fullName(expert.countyCode),
    })
  }

  async update({ request, auth, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const expert = await ownProfile(user)
    if (!expert) return response.redirect().toRoute('experts.profiles.apply')
    const input = await validatedProfile(request, i18n)
    let backToReview: boolean
    try {
      backToReview = await updateExpertProfile({ actor: user, ip: request.ip() }, expert, input, [request.file('photo')].find(wasChosen) ?? null)
    } catch (error) {
      throw asPhotoError(error, i18n)
    }
    session.flash('success', i18n.t(backToReview ? 'experts.profiles.mine.back_to_review' : 'experts.profiles.mine.saved'))
    return response.redirect().toRoute('experts.profiles.mine')
  }

  /** Without JS: redirect back with a flash. With htmx: the status line, or the messages (422). */
  async availability(ctx: HttpContext) {
    const { request, auth, response, session, i18n, view } = ctx
    const expert = await ownProfile(auth.getUserOrFail())
    if (!expert) return response.redirect().toRoute('experts.profiles.apply')
    const input = await request.validateUsing(availabilityValidator, { messagesProvider: profileMessages(i18n) })
    await setAvailability(expert, {
      availability: input.availability,
      awayUntil: input.away_until ?? null,
      maxOpenCases: input.max_open_cases,
    })
    if (wantsFragment(ctx)) {
      return view.render('experts/profiles/partials/availability_status', { expert, availability: availabilityOf(expert), saved: true })
    }
    session.flash('success', i18n.t('experts.profiles.availability_form.saved'))
    return response.redirect().toRoute('experts.profiles.mine')
  }
}

function ownProfile(user: User) {
  return Expert.findBy('userId', user.id)
}

async function formData() {
  return { industries: await industryList(), regionTree: await regionDirectory.tree(), maxOtherIndustries: MAX_OTHER_INDUSTRIES }
}

async function validatedProfile(request: HttpContext['request'], i18n: HttpContext['i18n']): Promise<ProfileInput> {
  const input = await request.validateUsing(expertProfileValidator, { messagesProvider: profileMessages(i18n) })
  return {
    organization: input.organization,
    title: input.title,
    level: input.level,
    countyCode: input.county_code,
    industries: industriesOf(input.industry, input.other_industries),
    specialties: input.specialties,
    bio: input.bio ?? '',
  }
}

/** An empty file field (no photo chosen) arrives as a nameless, empty part: no photo. */
/** A refused photo is a message next to the photo field; everything typed is kept. */
function asPhotoError(error: unknown, i18n: HttpContext['i18n']) {
  return error instanceof MediaRejectedError ? fieldError('photo', i18n.t(error.messageKey)) : error
}
