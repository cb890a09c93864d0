import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'sms_codes.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.store': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.jobs.index': { paramsTuple?: []; params?: {} }
    'admin.jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.store': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.check': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_words.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_breakers.store': { paramsTuple?: []; params?: {} }
    'admin.moderation_breakers.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_reviews.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.exports.store': { paramsTuple?: []; params?: {} }
    'experts.directory': { paramsTuple?: []; params?: {} }
    'experts.profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.apply': { paramsTuple?: []; params?: {} }
    'experts.apply.store': { paramsTuple?: []; params?: {} }
    'experts.mine': { paramsTuple?: []; params?: {} }
    'experts.mine.update': { paramsTuple?: []; params?: {} }
    'experts.mine.availability': { paramsTuple?: []; params?: {} }
    'experts.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.accept': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.decline': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.answer': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.ask': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.ask': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.index': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.create': { paramsTuple?: []; params?: {} }
    'consultations.store': { paramsTuple?: []; params?: {} }
    'consultations.similar': { paramsTuple?: []; params?: {} }
    'consultations.similar.typing': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.ask_expert': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'solved_cases.show': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.outcome': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'visitId': ParamValue} }
    'experts.visits.close.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.close.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.outcome': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'visitId': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.closing.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.dispatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.reschedule': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cost': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'admin.jobs.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.directory': { paramsTuple?: []; params?: {} }
    'experts.profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.apply': { paramsTuple?: []; params?: {} }
    'experts.mine': { paramsTuple?: []; params?: {} }
    'experts.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.index': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.create': { paramsTuple?: []; params?: {} }
    'consultations.similar': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'solved_cases.show': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.close.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'admin.jobs.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.directory': { paramsTuple?: []; params?: {} }
    'experts.profile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.apply': { paramsTuple?: []; params?: {} }
    'experts.mine': { paramsTuple?: []; params?: {} }
    'experts.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.index': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.create': { paramsTuple?: []; params?: {} }
    'consultations.similar': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'solved_cases.show': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.close.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'sms_codes.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'media.store': { paramsTuple?: []; params?: {} }
    'media.destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_words.store': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.check': { paramsTuple?: []; params?: {} }
    'admin.moderation_words.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_breakers.store': { paramsTuple?: []; params?: {} }
    'admin.moderation_breakers.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation_reviews.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.exports.store': { paramsTuple?: []; params?: {} }
    'experts.apply.store': { paramsTuple?: []; params?: {} }
    'experts.mine.update': { paramsTuple?: []; params?: {} }
    'experts.mine.availability': { paramsTuple?: []; params?: {} }
    'experts.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.link.accept': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.decline': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.answer': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.ask': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.my_cases.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.ask': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.my_cases.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.store': { paramsTuple?: []; params?: {} }
    'consultations.similar.typing': { paramsTuple?: []; params?: {} }
    'consultations.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.ask_expert': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'farmer_link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.outcome': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'visitId': ParamValue} }
    'experts.visits.close.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.outcome': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'visitId': ParamValue} }
    'experts.closing.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.dispatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.reschedule': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cost': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}