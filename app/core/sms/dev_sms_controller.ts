import type { HttpContext } from '@adonisjs/core/http'
import SmsMessage from '#core/sms/sms_message'

/** Development only (the route exists only there): the log driver's outbox. */
export default class DevSmsController {
  async index({ view }: HttpContext) {
    const messages = await SmsMessage.query().where('driver', 'log').orderBy('id', 'desc').limit(50)
    return view.render('dev/sms', { messages })
  }
}
