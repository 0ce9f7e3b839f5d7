import TurndownService from 'turndown'

/**
 * Stack Exchange stores post bodies as HTML; we store markdown and cook it with our own
 * renderer. Code blocks become fenced blocks (with the language when the post names one),
 * links and images stay links and images, and tags we have no markdown for keep their text.
 */
const service = new TurndownService({
  headingStyle: 'atx',
  hr: '---',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  fence: '```',
  emDelimiter: '_',
  strongDelimiter: '**',
})

function languageOf(pre: HTMLElement): string {
  const code = pre.firstChild as HTMLElement | null
  const classes = `${pre.getAttribute('class') ?? ''} ${code?.getAttribute?.('class') ?? ''}`
  return /(?:^|\s)(?:lang|language)-([\w#+.-]+)/.exec(classes)?.[1] ?? ''
}

service.addRule('fencedCodeWithLanguage', {
  filter: (node) =>
    node.nodeName === 'PRE' && node.firstChild !== null && node.firstChild.nodeName === 'CODE',
  replacement: (_content, node) => {
    const code = (node.firstChild?.textContent ?? '').replace(/\n$/, '')
    // A fence longer than any run of backticks inside the code, so the code cannot close it.
    const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length))
    const fence = '`'.repeat(longest + 1)
    return `\n\n${fence}${languageOf(node)}\n${code}\n${fence}\n\n`
  },
})

service.addRule('strikethrough', {
  filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${content}~~` : content),
})

/** Post HTML from a dump → markdown; never throws (the text survives if the markup does not). */
export function htmlToMarkdown(html: string): string {
  if (html.trim() === '') return ''
  try {
    return service.turndown(html).trim()
  } catch {
    return html
      .replace(/<[^>]*>/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim()
  }
}
