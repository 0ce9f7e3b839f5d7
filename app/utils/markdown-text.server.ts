/**
 * Markdown to one line of plain text, for everywhere a post is shown as text rather than as
 * itself: list excerpts, search snippets, summaries drafted from a thread. It reads the post the
 * way the renderer does (marked's own lexer), so `_successful_` is "successful", a link is its
 * words, raw HTML is the text that was typed, and nothing the author wrote is dropped.
 * Characters it does not know (the search engine's match markers) pass through untouched.
 */
import { Lexer, type Token, type Tokens } from 'marked'

const lexerOptions = { gfm: true }

function textOf(tokens: readonly Token[] | undefined, out: string[]) {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'br':
        out.push(' ')
        break
      case 'code':
        out.push(' ', (token as Tokens.Code).text, ' ')
        break
      case 'codespan':
      case 'escape':
        out.push(decodeEntities((token as Tokens.Codespan).text))
        break
      case 'html':
        out.push((token as Tokens.HTML).text)
        break
      case 'image':
        out.push(' ', (token as Tokens.Image).text, ' ')
        break
      case 'list':
        for (const item of (token as Tokens.List).items) {
          textOf(item.tokens, out)
          out.push(' ')
        }
        break
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows])
          for (const cell of row) {
            textOf(cell.tokens, out)
            out.push(' ')
          }
        break
      }
      default: {
        const withChildren = token as { tokens?: Token[]; text?: string }
        if (withChildren.tokens) textOf(withChildren.tokens, out)
        else if (typeof withChildren.text === 'string') out.push(decodeEntities(withChildren.text))
        // Block-level tokens run into the next one without a space of their own.
        if (token.type === 'paragraph' || token.type === 'heading' || token.type === 'blockquote')
          out.push(' ')
      }
    }
  }
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** What the browser would show for the entities an author may type (`&amp;`, `&#8364;`). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}

/** The post's words on one line; cut at a word boundary near `maxLength` with an ellipsis. */
export function markdownToText(markdown: string, maxLength = Infinity): string {
  // Lists show the same openings again and again: lexing them is kept for the recent ones.
  if (markdown.length > RECENT_INPUT_MAX) return toText(markdown, maxLength)
  const key = `${maxLength}\u0000${markdown}`
  let text = recent.get(key)
  if (text === undefined) {
    text = toText(markdown, maxLength)
    recent.set(key, text)
    if (recent.size > RECENT_SIZE) recent.delete(recent.keys().next().value!)
  }
  return text
}

const RECENT_SIZE = 2000
const RECENT_INPUT_MAX = 2000
const recent = new Map<string, string>()

function toText(markdown: string, maxLength: number): string {
  let text: string
  try {
    const out: string[] = []
    textOf(new Lexer(lexerOptions).lex(markdown), out)
    text = out.join('')
  } catch {
    // Nesting deep enough to overflow the lexer: the raw text is still the author's words.
    text = markdown
  }
  text = text.replace(/\s+/g, ' ').trim()
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}
