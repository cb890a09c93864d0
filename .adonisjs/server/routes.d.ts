import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'experts.directory.index': { paramsTuple?: []; params?: {} }
    'experts.directory.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.apply': { paramsTuple?: []; params?: {} }
    'experts.profiles.apply.store': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine.update': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine.availability': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.apply': { paramsTuple?: []; params?: {} }
    'experts.officers.apply.store': { paramsTuple?: []; params?: {} }
    'experts.officers.mine': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.index': { paramsTuple?: []; params?: {} }
    'experts.consultations.create': { paramsTuple?: []; params?: {} }
    'experts.consultations.store': { paramsTuple?: []; params?: {} }
    'experts.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.consultations.farmer_link.end': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.similar.index': { paramsTuple?: []; params?: {} }
    'experts.similar.typing': { paramsTuple?: []; params?: {} }
    'experts.similar.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.similar.ask_expert': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.similar.solved_case': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.conversation.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.conversation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.board': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.accept': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.decline': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.answer': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.ask': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.responses.link.end': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.ask': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.outcome': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'visitId': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.outcome': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'visitId': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.dispatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.reschedule': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cost': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.closing.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.exports.store': { paramsTuple?: []; params?: {} }
    'experts.knowledge.index': { paramsTuple?: []; params?: {} }
    'experts.knowledge.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.photos': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_merge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.merge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.home': { paramsTuple?: []; params?: {} }
    'achievements.listings.mine': { paramsTuple?: []; params?: {} }
    'achievements.listings.create': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.store': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.edit': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.update': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.withdraw': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.index': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.show': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.matching.sms': { paramsTuple?: []; params?: {} }
    'achievements.bounties.create': { paramsTuple?: []; params?: {} }
    'achievements.bounties.store': { paramsTuple?: []; params?: {} }
    'achievements.bounties.grab': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.pick': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.negotiate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.fee': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.rate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.index': { paramsTuple?: []; params?: {} }
    'achievements.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.create': { paramsTuple?: []; params?: {} }
    'achievements.platforms.store': { paramsTuple?: []; params?: {} }
    'achievements.platforms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.map': { paramsTuple?: []; params?: {} }
    'achievements.platforms.county': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'achievements.platforms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.lectures.create': { paramsTuple?: []; params?: {} }
    'achievements.lectures.store': { paramsTuple?: []; params?: {} }
    'achievements.lectures.index': { paramsTuple?: []; params?: {} }
    'achievements.lectures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.story.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.story.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.stars': { paramsTuple?: []; params?: {} }
    'achievements.bounties.statistics.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.drafts.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.drafts.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'wechat.redirect': { paramsTuple?: []; params?: {} }
    'wechat.callback': { paramsTuple?: []; params?: {} }
    'wechat.link': { paramsTuple?: []; params?: {} }
    'wechat.link.store': { paramsTuple?: []; params?: {} }
    'passkeys.login_options': { paramsTuple?: []; params?: {} }
    'passkeys.login': { paramsTuple?: []; params?: {} }
    'sms_codes.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'passkeys.index': { paramsTuple?: []; params?: {} }
    'passkeys.options': { paramsTuple?: []; params?: {} }
    'passkeys.store': { paramsTuple?: []; params?: {} }
    'passkeys.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'passkeys.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'passkeys.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'devices.index': { paramsTuple?: []; params?: {} }
    'devices.destroy': { paramsTuple: [ParamValue]; params: {'handle': ParamValue} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.store': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'jobs.index': { paramsTuple?: []; params?: {} }
    'jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.centre_home': { paramsTuple?: []; params?: {} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.export': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.reactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.sessions.destroy_all': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.sessions.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'handle': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.store': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.check': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.words.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.breakers.store': { paramsTuple?: []; params?: {} }
    'admin.moderation.breakers.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.reviews.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.villages.index': { paramsTuple?: []; params?: {} }
    'admin.villages.imports.store': { paramsTuple?: []; params?: {} }
    'admin.villages.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.villages.imports.apply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.officers.coverage': { paramsTuple?: []; params?: {} }
    'admin.officers.coverage.export': { paramsTuple?: []; params?: {} }
    'admin.participation.index': { paramsTuple?: []; params?: {} }
    'admin.participation.store': { paramsTuple?: []; params?: {} }
    'admin.participation.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.centres.index': { paramsTuple?: []; params?: {} }
    'admin.centres.store': { paramsTuple?: []; params?: {} }
    'admin.centres.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.centres.items.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.centres.items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.centres.items.review': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.centres.items.remove_file': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue,'publicId': ParamValue} }
    'admin.performance.index': { paramsTuple?: []; params?: {} }
    'admin.performance.compute': { paramsTuple?: []; params?: {} }
    'admin.subsidies.index': { paramsTuple?: []; params?: {} }
    'admin.subsidies.store': { paramsTuple?: []; params?: {} }
    'admin.subsidies.export': { paramsTuple?: []; params?: {} }
    'admin.subsidies.rules': { paramsTuple?: []; params?: {} }
    'admin.subsidies.rules.store': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.lookup': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.show': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.payees.store': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.payees.reveal': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.lines.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.subsidies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.subsidies.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.evaluations.index': { paramsTuple?: []; params?: {} }
    'admin.evaluations.compute': { paramsTuple?: []; params?: {} }
    'admin.evaluations.targets.store': { paramsTuple?: []; params?: {} }
    'admin.evaluations.notices.store': { paramsTuple?: []; params?: {} }
    'admin.notices.index': { paramsTuple?: []; params?: {} }
    'admin.notices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.index': { paramsTuple?: []; params?: {} }
    'admin.outbreaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.create': { paramsTuple?: []; params?: {} }
    'supply.sellers.store': { paramsTuple?: []; params?: {} }
    'supply.sellers.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.select': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.recommend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.mine': { paramsTuple?: []; params?: {} }
    'supply.shops.save': { paramsTuple?: []; params?: {} }
    'supply.shops.products.store': { paramsTuple?: []; params?: {} }
    'supply.shops.products.sold_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.products.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.in_season': { paramsTuple?: []; params?: {} }
    'supply.shops.index': { paramsTuple?: []; params?: {} }
    'supply.shops.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.product': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'info.records.index': { paramsTuple?: []; params?: {} }
    'info.records.create': { paramsTuple?: []; params?: {} }
    'info.records.store': { paramsTuple?: []; params?: {} }
    'info.records.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.revise': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.remove_media': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'publicId': ParamValue} }
    'info.reviews.index': { paramsTuple?: []; params?: {} }
    'info.reviews.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.sign_off': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.browse.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.browse.index': { paramsTuple?: []; params?: {} }
    'info.browse.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'experts.directory.index': { paramsTuple?: []; params?: {} }
    'experts.directory.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.apply': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.apply': { paramsTuple?: []; params?: {} }
    'experts.officers.mine': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.index': { paramsTuple?: []; params?: {} }
    'experts.consultations.create': { paramsTuple?: []; params?: {} }
    'experts.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.similar.index': { paramsTuple?: []; params?: {} }
    'experts.similar.solved_case': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.conversation.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.board': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.responses.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.knowledge.index': { paramsTuple?: []; params?: {} }
    'experts.knowledge.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_merge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.home': { paramsTuple?: []; params?: {} }
    'achievements.listings.mine': { paramsTuple?: []; params?: {} }
    'achievements.listings.create': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.edit': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.index': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.show': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.bounties.create': { paramsTuple?: []; params?: {} }
    'achievements.bounties.index': { paramsTuple?: []; params?: {} }
    'achievements.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.create': { paramsTuple?: []; params?: {} }
    'achievements.platforms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.map': { paramsTuple?: []; params?: {} }
    'achievements.platforms.county': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'achievements.platforms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.lectures.create': { paramsTuple?: []; params?: {} }
    'achievements.lectures.index': { paramsTuple?: []; params?: {} }
    'achievements.lectures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.story.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.stars': { paramsTuple?: []; params?: {} }
    'achievements.bounties.statistics.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'wechat.redirect': { paramsTuple?: []; params?: {} }
    'wechat.callback': { paramsTuple?: []; params?: {} }
    'wechat.link': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'passkeys.index': { paramsTuple?: []; params?: {} }
    'passkeys.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'devices.index': { paramsTuple?: []; params?: {} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'jobs.index': { paramsTuple?: []; params?: {} }
    'admin.centre_home': { paramsTuple?: []; params?: {} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.export': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.villages.index': { paramsTuple?: []; params?: {} }
    'admin.villages.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.officers.coverage': { paramsTuple?: []; params?: {} }
    'admin.officers.coverage.export': { paramsTuple?: []; params?: {} }
    'admin.participation.index': { paramsTuple?: []; params?: {} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.centres.index': { paramsTuple?: []; params?: {} }
    'admin.centres.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.centres.items.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.performance.index': { paramsTuple?: []; params?: {} }
    'admin.subsidies.index': { paramsTuple?: []; params?: {} }
    'admin.subsidies.export': { paramsTuple?: []; params?: {} }
    'admin.subsidies.rules': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.lookup': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.show': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.evaluations.index': { paramsTuple?: []; params?: {} }
    'admin.notices.index': { paramsTuple?: []; params?: {} }
    'admin.notices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.index': { paramsTuple?: []; params?: {} }
    'admin.outbreaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.create': { paramsTuple?: []; params?: {} }
    'supply.sellers.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.mine': { paramsTuple?: []; params?: {} }
    'supply.shops.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.in_season': { paramsTuple?: []; params?: {} }
    'supply.shops.index': { paramsTuple?: []; params?: {} }
    'supply.shops.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.product': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'info.records.index': { paramsTuple?: []; params?: {} }
    'info.records.create': { paramsTuple?: []; params?: {} }
    'info.records.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.index': { paramsTuple?: []; params?: {} }
    'info.browse.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.browse.index': { paramsTuple?: []; params?: {} }
    'info.browse.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'experts.directory.index': { paramsTuple?: []; params?: {} }
    'experts.directory.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.apply': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.apply': { paramsTuple?: []; params?: {} }
    'experts.officers.mine': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.index': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.index': { paramsTuple?: []; params?: {} }
    'experts.consultations.create': { paramsTuple?: []; params?: {} }
    'experts.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.farmer_link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.similar.index': { paramsTuple?: []; params?: {} }
    'experts.similar.solved_case': { paramsTuple: [ParamValue]; params: {'documentId': ParamValue} }
    'experts.conversation.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.board': { paramsTuple?: []; params?: {} }
    'experts.triage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.messages.index': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.media': { paramsTuple: [ParamValue,ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'publicId': ParamValue,'variant': ParamValue} }
    'experts.responses.my_cases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.messages.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.index': { paramsTuple?: []; params?: {} }
    'experts.visits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.staff.index': { paramsTuple?: []; params?: {} }
    'experts.visits.staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.link.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.followups.index': { paramsTuple?: []; params?: {} }
    'experts.followups.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.statistics.show': { paramsTuple?: []; params?: {} }
    'experts.exports.create': { paramsTuple?: []; params?: {} }
    'experts.knowledge.index': { paramsTuple?: []; params?: {} }
    'experts.knowledge.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.confirm_merge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.home': { paramsTuple?: []; params?: {} }
    'achievements.listings.mine': { paramsTuple?: []; params?: {} }
    'achievements.listings.create': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.edit': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.index': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.show': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.bounties.create': { paramsTuple?: []; params?: {} }
    'achievements.bounties.index': { paramsTuple?: []; params?: {} }
    'achievements.bounties.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.create': { paramsTuple?: []; params?: {} }
    'achievements.platforms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.map': { paramsTuple?: []; params?: {} }
    'achievements.platforms.county': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'achievements.platforms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.lectures.create': { paramsTuple?: []; params?: {} }
    'achievements.lectures.index': { paramsTuple?: []; params?: {} }
    'achievements.lectures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.story.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.showcase.stars': { paramsTuple?: []; params?: {} }
    'achievements.bounties.statistics.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.index': { paramsTuple?: []; params?: {} }
    'achievements.drafts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'regions.counties': { paramsTuple: [ParamValue]; params: {'cityCode': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'wechat.redirect': { paramsTuple?: []; params?: {} }
    'wechat.callback': { paramsTuple?: []; params?: {} }
    'wechat.link': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'passkeys.index': { paramsTuple?: []; params?: {} }
    'passkeys.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'devices.index': { paramsTuple?: []; params?: {} }
    'media.index': { paramsTuple?: []; params?: {} }
    'media.confirm_destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'media.show': { paramsTuple: [ParamValue,ParamValue]; params: {'publicId': ParamValue,'variant': ParamValue} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'jobs.index': { paramsTuple?: []; params?: {} }
    'admin.centre_home': { paramsTuple?: []; params?: {} }
    'admin.role_grants.index': { paramsTuple?: []; params?: {} }
    'admin.role_grants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.confirm_revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.export': { paramsTuple?: []; params?: {} }
    'admin.users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_log.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.confirm_remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.breakers.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.reviews.index': { paramsTuple?: []; params?: {} }
    'admin.moderation.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.villages.index': { paramsTuple?: []; params?: {} }
    'admin.villages.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.officers.coverage': { paramsTuple?: []; params?: {} }
    'admin.officers.coverage.export': { paramsTuple?: []; params?: {} }
    'admin.participation.index': { paramsTuple?: []; params?: {} }
    'admin.dashboard.show': { paramsTuple?: []; params?: {} }
    'admin.centres.index': { paramsTuple?: []; params?: {} }
    'admin.centres.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.centres.items.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.performance.index': { paramsTuple?: []; params?: {} }
    'admin.subsidies.index': { paramsTuple?: []; params?: {} }
    'admin.subsidies.export': { paramsTuple?: []; params?: {} }
    'admin.subsidies.rules': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.lookup': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.show': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.evaluations.index': { paramsTuple?: []; params?: {} }
    'admin.notices.index': { paramsTuple?: []; params?: {} }
    'admin.notices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.index': { paramsTuple?: []; params?: {} }
    'admin.outbreaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.create': { paramsTuple?: []; params?: {} }
    'supply.sellers.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.index': { paramsTuple?: []; params?: {} }
    'supply.sellers.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.mine': { paramsTuple?: []; params?: {} }
    'supply.shops.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.in_season': { paramsTuple?: []; params?: {} }
    'supply.shops.index': { paramsTuple?: []; params?: {} }
    'supply.shops.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.product': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'info.records.index': { paramsTuple?: []; params?: {} }
    'info.records.create': { paramsTuple?: []; params?: {} }
    'info.records.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.index': { paramsTuple?: []; params?: {} }
    'info.browse.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.browse.index': { paramsTuple?: []; params?: {} }
    'info.browse.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'experts.profiles.apply.store': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine.update': { paramsTuple?: []; params?: {} }
    'experts.profiles.mine.availability': { paramsTuple?: []; params?: {} }
    'experts.profiles.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.profiles.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.apply.store': { paramsTuple?: []; params?: {} }
    'experts.officers.reviews.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.officers.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.consultations.store': { paramsTuple?: []; params?: {} }
    'experts.consultations.farmer_link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.consultations.farmer_link.end': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.similar.typing': { paramsTuple?: []; params?: {} }
    'experts.similar.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.similar.ask_expert': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.conversation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.triage.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.link.accept': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.decline': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.answer': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.ask': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.messages.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.link.end': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.responses.my_cases.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.ask': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.responses.my_cases.messages.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.outcome': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'visitId': ParamValue} }
    'experts.visits.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.visits.link.outcome': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue,'visitId': ParamValue} }
    'experts.visits.staff.dispatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.reschedule': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.confirm_cost': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.visits.staff.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.closing.link.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'experts.followups.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.followups.calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.exports.store': { paramsTuple?: []; params?: {} }
    'experts.knowledge.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.photos': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'experts.knowledge.merge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.listings.store': { paramsTuple: [ParamValue]; params: {'side': ParamValue} }
    'achievements.listings.update': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.listings.withdraw': { paramsTuple: [ParamValue,ParamValue]; params: {'side': ParamValue,'id': ParamValue} }
    'achievements.matching.sms': { paramsTuple?: []; params?: {} }
    'achievements.bounties.store': { paramsTuple?: []; params?: {} }
    'achievements.bounties.grab': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.pick': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.negotiate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.fee': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.rate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.bounties.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.platforms.store': { paramsTuple?: []; params?: {} }
    'achievements.platforms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.lectures.store': { paramsTuple?: []; params?: {} }
    'achievements.showcase.story.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.drafts.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'achievements.drafts.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'wechat.link.store': { paramsTuple?: []; params?: {} }
    'passkeys.login_options': { paramsTuple?: []; params?: {} }
    'passkeys.login': { paramsTuple?: []; params?: {} }
    'sms_codes.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'passkeys.options': { paramsTuple?: []; params?: {} }
    'passkeys.store': { paramsTuple?: []; params?: {} }
    'passkeys.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'passkeys.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'devices.destroy': { paramsTuple: [ParamValue]; params: {'handle': ParamValue} }
    'media.store': { paramsTuple?: []; params?: {} }
    'media.destroy': { paramsTuple: [ParamValue]; params: {'publicId': ParamValue} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.role_grants.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.reactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.sessions.destroy_all': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.sessions.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'handle': ParamValue} }
    'admin.moderation.words.store': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.check': { paramsTuple?: []; params?: {} }
    'admin.moderation.words.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.breakers.store': { paramsTuple?: []; params?: {} }
    'admin.moderation.breakers.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.moderation.reviews.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.villages.imports.store': { paramsTuple?: []; params?: {} }
    'admin.villages.imports.apply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.participation.store': { paramsTuple?: []; params?: {} }
    'admin.participation.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.centres.store': { paramsTuple?: []; params?: {} }
    'admin.centres.items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.centres.items.review': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'admin.centres.items.remove_file': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue,'publicId': ParamValue} }
    'admin.performance.compute': { paramsTuple?: []; params?: {} }
    'admin.subsidies.store': { paramsTuple?: []; params?: {} }
    'admin.subsidies.rules.store': { paramsTuple?: []; params?: {} }
    'admin.subsidies.payees.store': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.payees.reveal': { paramsTuple: [ParamValue]; params: {'userId': ParamValue} }
    'admin.subsidies.lines.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.subsidies.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.evaluations.compute': { paramsTuple?: []; params?: {} }
    'admin.evaluations.targets.store': { paramsTuple?: []; params?: {} }
    'admin.evaluations.notices.store': { paramsTuple?: []; params?: {} }
    'admin.outbreaks.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.outbreaks.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.store': { paramsTuple?: []; params?: {} }
    'supply.sellers.reviews.select': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.sellers.reviews.recommend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.save': { paramsTuple?: []; params?: {} }
    'supply.shops.products.store': { paramsTuple?: []; params?: {} }
    'supply.shops.products.sold_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.products.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supply.shops.phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.store': { paramsTuple?: []; params?: {} }
    'info.records.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.revise': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.records.remove_media': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'publicId': ParamValue} }
    'info.reviews.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.sign_off': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'info.reviews.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}