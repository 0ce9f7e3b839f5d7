import { now } from './clock.server'

const WINDOW_MS = 60 * 60_000
const MAX_TRACKED = 50_000

/**
 * Remembers who viewed what in the last hour so that a reload does not count (or write) again.
 * Bounded: past the limit the oldest entry goes, so memory stays flat.
 */
export function createViewDeduper() {
  const seen = new Map<string, number>()
  /** True when this viewer has not been counted for this thing within the hour. */
  return function isNewView(viewerKey: string, thingId: number): boolean {
    const key = `${viewerKey}:${thingId}`
    const t = now().getTime()
    const last = seen.get(key)
    if (last !== undefined && t - last < WINDOW_MS) return false
    if (seen.size >= MAX_TRACKED) seen.delete(seen.keys().next().value!)
    seen.delete(key)
    seen.set(key, t)
    return true
  }
}
