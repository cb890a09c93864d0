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
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}