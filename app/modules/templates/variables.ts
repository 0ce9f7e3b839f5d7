/**
 * Template variables, client-safe: `{{asker.name}}`, `{{question.title}}`, `{{helper.name}}` and
 * `{{kb:slug}}` (the article's link), each with an optional fallback after a bar:
 * `{{asker.name|there}}`. A value that is missing or empty gives the fallback (or nothing).
 */
export const TEMPLATE_VARIABLES = ['asker.name', 'question.title', 'helper.name'] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]

// {{ name }} or {{ name | fallback }}; a fallback holds no braces and no line break
const PLACEHOLDER = /\{\{\s*([^{}|\n]*?)\s*(?:\|([^{}\n]*))?\}\}/g
const KB_SLUG = /^kb:([a-z0-9]+(?:-[a-z0-9]+)*)$/

export type Placeholder =
  | { kind: 'variable'; name: TemplateVariable; fallback: string; raw: string }
  | { kind: 'kb'; slug: string; fallback: string; raw: string }
  | { kind: 'unknown'; name: string; raw: string }

/** Every placeholder in a template's body, in order. */
export function placeholdersOf(body: string): Placeholder[] {
  const out: Placeholder[] = []
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1].trim()
    const fallback = (m[2] ?? '').trim()
    const kb = KB_SLUG.exec(name)
    if (kb) out.push({ kind: 'kb', slug: kb[1], fallback, raw: m[0] })
    else if ((TEMPLATE_VARIABLES as readonly string[]).includes(name))
      out.push({ kind: 'variable', name: name as TemplateVariable, fallback, raw: m[0] })
    else out.push({ kind: 'unknown', name, raw: m[0] })
  }
  return out
}

/** The placeholders a template may not be saved with (unknown names), as written. */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersOf(body)
    .filter((p) => p.kind === 'unknown')
    .map((p) => p.raw)
}

export type FillValues = {
  variables: Partial<Record<TemplateVariable, string | null | undefined>>
  /** An article's title and address by slug; an article not there gives the fallback. */
  article: (slug: string) => { title: string; href: string } | null
}

/** The body with every placeholder replaced (markdown: an article becomes a link). */
export function fillTemplate(body: string, values: FillValues): string {
  return body.replace(PLACEHOLDER, (raw, rawName: string, rawFallback: string | undefined) => {
    const name = rawName.trim()
    const fallback = (rawFallback ?? '').trim()
    const kb = KB_SLUG.exec(name)
    if (kb) {
      const article = values.article(kb[1])
      return article ? `[${escapeLinkText(article.title)}](${article.href})` : fallback
    }
    if ((TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      const value = values.variables[name as TemplateVariable]?.trim()
      return value ? escapeMarkdown(value) : fallback
    }
    return raw
  })
}

// A person's name or a title is text, not markdown: "*Budi*" stays as typed.
const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1')
const escapeLinkText = (s: string) => s.replace(/([\\[\]])/g, '\\$1')

const MAX_WORDS = 4000

/**
 * The share (0–1) of a text that was changed from the filled-in template: 1 − 2·LCS/(a+b) over
 * words, so an untouched template is 0, a rewrite 1. Long texts are compared on their first
 * 4,000 words (the comparison is quadratic).
 */
export function editedShare(original: string, posted: string): number {
  const a = original.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)
  const b = posted.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)
  if (a.length + b.length === 0) return 0
  let prev = new Uint16Array(b.length + 1)
  let cur = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1])
    ;[prev, cur] = [cur, prev]
  }
  const lcs = prev[b.length]
  return Math.round((1 - (2 * lcs) / (a.length + b.length)) * 1000) / 1000
}
