import { HANDLE_PATTERN } from '../auth/validation'
import { TAG_PATTERN, TITLE_MAX } from '../questions/validation'

const HANDLE_MAX = 20
const TAG_MAX = 30

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * A handle valid for our pattern from a Stack Exchange display name, unique against `taken`
 * (which it extends): "Zoë O'Brien" → "zoe_o_brien", then "zoe_o_brien_2". Names with nothing
 * usable in them (only non-Latin letters, say) fall back to "user<id>".
 */
export function uniqueHandle(displayName: string, fallback: string, taken: Set<string>): string {
  let base = fold(displayName)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, HANDLE_MAX)
    .replace(/_+$/, '')
  if (base.length < 3) base = fallback.slice(0, HANDLE_MAX)
  let handle = base
  for (let n = 2; taken.has(handle) || !HANDLE_PATTERN.test(handle); n++) {
    const suffix = `_${n}`
    handle = `${base.slice(0, HANDLE_MAX - suffix.length).replace(/_+$/, '')}${suffix}`
  }
  taken.add(handle)
  return handle
}

/**
 * A Stack Exchange tag in our tag pattern, or null when nothing usable is left: "C#" →
 * "c-sharp", "c++" → "c-plus-plus", "metadata.json" → "metadata-json"; longer than 30
 * characters is cut at a hyphen boundary where possible.
 */
export function normaliseTagName(raw: string): string | null {
  let name = fold(raw)
    .replace(/#/g, '-sharp')
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (name.length > TAG_MAX) {
    const cut = name.slice(0, TAG_MAX)
    const lastHyphen = cut.lastIndexOf('-')
    name = (lastHyphen >= TAG_MAX / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '')
  }
  return TAG_PATTERN.test(name) ? name : null
}

/** `<a><b>` (older dumps) or `|a|b|` (newer ones) → ['a', 'b']. */
export function splitDumpTags(value: string): string[] {
  const angle = [...value.matchAll(/<([^<>]+)>/g)].map((m) => m[1])
  if (angle.length > 0) return angle
  return value.split('|').filter((t) => t.length > 0)
}

/** Imported titles are history and are kept, but our pages are laid out for 150 characters. */
export function fitTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length <= TITLE_MAX) return clean
  return `${clean.slice(0, TITLE_MAX - 1).trimEnd()}…`
}

/** "cstheory.meta.stackexchange.com" → "cstheory-meta": the category slug of an imported site. */
export function siteSlug(site: string): string {
  const short = site.toLowerCase().replace(/\.(stackexchange|stackoverflow)\.com$|\.com$/, '')
  return (
    short
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'imported'
  )
}

/** "cstheory.meta.stackexchange.com" → "Cstheory Meta (Stack Exchange)". */
export function siteName(site: string): string {
  const words = siteSlug(site)
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
  return `${words.join(' ')} (Stack Exchange)`
}
