/**
 * What both search engines share: folding text, English stop words, and turning stored text
 * plus match markers into safe HTML (titles, snippets). Queries become words in
 * normalize.server.ts; no query syntax typed by a person ever reaches FTS5's MATCH or lunr.
 */

/** Words so common that they only slow a search down and blur its ranking. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before
  being below between both but by can cannot could couldn did didn do does doesn doing don down
  during each few for from further get gets got had hadn has hasn have haven having he her here
  hers herself him himself his how i if in into is isn it its itself just let me might more most
  must mustn my myself no nor not now of off on once only or other ought our ours ourselves out
  over own please same shan she should shouldn so some such than thank thanks that the their
  theirs them themselves then there these they this those through to too under until up us very
  was wasn we were weren what when where which while who whom why will with won would wouldn you
  your yours yourself yourselves s t ll re ve d m hi hello anyone someone somebody`.split(/\s+/),
)

/** Letters (any script) and digits; everything else, emoji and operators included, separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Private-use characters that mark a match in text coming back from the engine. */
export const MARK_OPEN = '\uE000'
export const MARK_CLOSE = '\uE001'

/**
 * Text with match markers → HTML: everything escaped, then only our own <mark> tags added,
 * always balanced (a post that itself contains the marker characters cannot unbalance them).
 */
export function markedToHtml(text: string): string {
  let html = ''
  let open = false
  for (const part of text.split(/([\uE000\uE001])/u)) {
    if (part === MARK_OPEN) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === MARK_CLOSE) {
      if (open) html += '</mark>'
      open = false
    } else html += escapeHtml(part)
  }
  return open ? `${html}</mark>` : html
}

/**
 * Marks the words of `text` that `matches` (by their folded form): the query's words by their
 * forms (normalize.server.ts). Returns safe HTML.
 */
export function highlightWords(
  text: string,
  matches: (folded: string) => boolean,
  maxLength = 240,
): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength).trimEnd()}…` : text
  const marked = clipped.replace(WORD, (w) =>
    matches(foldText(w)) ? `${MARK_OPEN}${w}${MARK_CLOSE}` : w,
  )
  return markedToHtml(marked)
}

/**
 * The part of `text` (plain text, not markdown) around the query's words, about `words` words
 * long, with them marked; the opening when none of them is there (`found` says which). Safe HTML.
 */
export function snippetHtml(
  text: string,
  matches: (folded: string) => boolean,
  words = 24,
): { html: string; found: boolean } {
  const spots = [...text.matchAll(WORD)].slice(0, 3000)
  const hit = spots.map((m) => matches(foldText(m[0])))
  // The window holding the most matches; the first such, and a few words of lead-in.
  let best = -1
  let bestCount = 0
  let count = 0
  for (let i = 0; i < spots.length; i++) {
    if (hit[i]) count++
    if (i >= words && hit[i - words]) count--
    if (count > bestCount) {
      bestCount = count
      best = i
    }
  }
  const found = bestCount > 0
  let start = found ? Math.max(0, best - words + 1) : 0
  if (found) {
    while (!hit[start]) start++
    start = Math.max(0, start - 3)
  }
  const end = Math.min(spots.length, start + words)
  if (spots.length === 0) return { html: escapeHtml(text.slice(0, 200)), found: false }
  const from = start === 0 ? 0 : spots[start].index
  const to = end >= spots.length ? text.length : spots[end - 1].index + spots[end - 1][0].length
  let marked = ''
  let at = from
  for (let i = start; i < end; i++) {
    const m = spots[i]
    marked += text.slice(at, m.index)
    marked += hit[i] ? `${MARK_OPEN}${m[0]}${MARK_CLOSE}` : m[0]
    at = m.index + m[0].length
  }
  marked += text.slice(at, to)
  const html = markedToHtml(marked.trim())
  return { html: `${from > 0 ? '…' : ''}${html}${to < text.length ? '…' : ''}`, found }
}
