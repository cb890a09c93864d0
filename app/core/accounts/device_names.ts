/** Systems and browsers by a mark in the user agent, the first that matches winning (HarmonyOS says Android too, Edge says Chrome). */
const SYSTEMS: [RegExp, string][] = [[/HarmonyOS/, 'HarmonyOS'], [/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X/, 'macOS'], [/Linux/, 'Linux']]
const BROWSERS: [RegExp, string][] = [[/MicroMessenger/, 'WeChat'], [/Edg\//, 'Edge'], [/Chrome\//, 'Chrome'], [/Firefox\//, 'Firefox'], [/Safari\//, 'Safari']]

const first = (table: [RegExp, string][], userAgent: string) => table.find(([mark]) => mark.test(userAgent))?.[1]

/** A short name of the system and browser of a session's user agent ("Android · Chrome"), for 我的登录设备. */
export function describeDevice(userAgent: string): string {
  return [first(SYSTEMS, userAgent), first(BROWSERS, userAgent)].filter(Boolean).join(' · ')
}
