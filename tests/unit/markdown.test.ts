import { readFileSync } from 'node:fs'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from '~/utils/markdown.server'

const fixtureDir = new URL('../fixtures/payloads/', import.meta.url)
const readFixture = (name: string) => readFileSync(new URL(name, fixtureDir), 'utf8')
const readJsonl = <T>(name: string): T[] =>
  readFixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)

interface ForumCase {
  id: string
  payload: string
  expect: string
}

const forumCases = readJsonl<ForumCase>('forum-markdown-xss.jsonl')
const blns = JSON.parse(readFixture('blns.json')) as string[]

// Counts pin the fixtures so a truncated copy fails loudly instead of testing less.
const corpora: Array<{ name: string; count: number; payloads: string[] }> = [
  { name: 'forum-markdown-xss', count: 62, payloads: forumCases.map((c) => c.payload) },
  {
    name: 'dompurify-fixture-payloads',
    count: 223,
    payloads: readJsonl<{ payload: string }>('dompurify-fixture-payloads.jsonl').map(
      (c) => c.payload,
    ),
  },
  {
    name: 'owasp-xss-filter-evasion',
    count: 110,
    payloads: readJsonl<{ payload: string }>('owasp-xss-filter-evasion.jsonl').map(
      (c) => c.payload,
    ),
  },
  {
    name: 'payloadbox-xss-payload-list',
    count: 6613,
    payloads: readFixture('payloadbox-xss-payload-list.txt')
      .split('\n')
      .filter((line) => line !== ''),
  },
  { name: 'blns', count: 515, payloads: blns },
]

interface HastNode {
  type: string
  value?: string
  tagName?: string
  properties?: Record<string, unknown>
  children?: HastNode[]
  content?: HastNode
}

const parser = unified().use(rehypeParse, { fragment: true })
const parseHtml = (html: string): HastNode => parser.parse(html)

function* walk(tree: HastNode): Generator<HastNode> {
  const stack = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node
    // Reversed so that nodes come out in document order.
    if (node.children) stack.push(...[...node.children].reverse())
    // <template> keeps its children out of the tree, where a naive walk would miss them.
    if (node.content) stack.push(node.content)
  }
}

function elements(html: string, tagName: string): HastNode[] {
  return [...walk(parseHtml(html))].filter((node) => node.tagName === tagName)
}

function textContent(html: string): string {
  let text = ''
  const visit = (node: HastNode) => {
    if (node.type === 'text') text += node.value ?? ''
    node.children?.forEach(visit)
  }
  visit(parseHtml(html))
  // Block elements are separated by newlines in the output; those aren't content.
  return text.trim()
}

// Elements that can run script, load documents or restyle/redirect the page.
const scriptCapable = new Set([
  ...['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template'],
  ...['svg', 'math', 'style', 'form', 'base', 'meta', 'link'],
])
// hast property names (formAction, xLinkHref), compared lower-cased.
const urlProperties = new Set(['href', 'src', 'action', 'formaction', 'xlinkhref', 'data'])
const dangerousScheme = /^(?:javascript|vbscript|data):/

function normalizeUrl(value: unknown): string {
  const url = Array.isArray(value) ? value.join(' ') : String(value)
  // Browsers ignore control characters and whitespace inside a scheme.
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f\s]/g, '').toLowerCase()
}

/** Every reason the rendered HTML could run script, restyle the page or clobber the DOM. */
function unsafeFindings(html: string): string[] {
  const findings: string[] = []
  for (const node of walk(parseHtml(html))) {
    if (node.type !== 'element' || !node.tagName) continue
    const tag = node.tagName.toLowerCase()
    if (scriptCapable.has(tag)) findings.push(`<${tag}> element`)
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const key = name.toLowerCase()
      if (key.startsWith('on')) findings.push(`${tag}[${name}] event handler`)
      if (key === 'style') findings.push(`${tag}[style]`)
      if (urlProperties.has(key) && dangerousScheme.test(normalizeUrl(value))) {
        findings.push(`${tag}[${name}=${String(value)}]`)
      }
      if ((key === 'id' || key === 'name') && !String(value).startsWith('user-content-')) {
        findings.push(`${tag}[${name}] unprefixed`)
      }
      if (key === 'target') findings.push(`${tag}[target]`)
    }
    if (tag === 'a' && !String(node.properties?.rel).includes('noopener')) {
      findings.push('<a> without rel=noopener')
    }
  }
  return findings
}

describe('renderMarkdown against hostile payload corpora', () => {
  it.each(corpora)(
    'renders every $name payload ($count) with nothing script-capable left',
    (corpus) => {
      expect(corpus.payloads).toHaveLength(corpus.count)
      const failures: Array<{ payload: string; problem: string[] | string }> = []
      for (const payload of corpus.payloads) {
        try {
          const findings = unsafeFindings(renderMarkdown(payload))
          if (findings.length > 0) failures.push({ payload, problem: findings })
        } catch (error) {
          failures.push({ payload, problem: `threw: ${String(error)}` })
        }
      }
      expect(failures).toEqual([])
    },
  )

  it('renders every naughty string to a string without throwing', () => {
    expect(blns).toHaveLength(515)
    for (const input of blns) expect(typeof renderMarkdown(input)).toBe('string')
  })

  it('keeps every "text-preserved" forum case visible as text', () => {
    const visible: Record<string, string> = {
      'codespan-preserve': 'Use <script>alert(1)</script> carefully',
      'codeblock-preserve': '<img src=x onerror=alert(1)>\n<script>alert(2)</script>',
      'indented-code-preserve': '<script>alert(1)</script>',
      'lt-three-preserve': 'I <3 this and a<b>c',
      'entity-preserve': 'AT&T <b> &amp;',
      'username-rtl': 'admin\u202egnp.exe',
      'zero-width': 'ad\u200bmin',
    }
    const preserved = forumCases.filter((c) => c.expect === 'text-preserved')
    expect(preserved.map((c) => c.id).sort()).toEqual(Object.keys(visible).sort())
    for (const { id, payload } of preserved) {
      expect(textContent(renderMarkdown(payload)), id).toContain(visible[id])
    }
  })
})

describe('renderMarkdown shows raw HTML as text', () => {
  it('shows a typed <script> tag literally instead of running or deleting it', () => {
    const html = renderMarkdown('Try <script>alert(1)</script> here')
    expect(textContent(html)).toBe('Try <script>alert(1)</script> here')
    expect(elements(html, 'script')).toEqual([])
  })

  it('shows the angle brackets of <b>hi</b> instead of making it bold', () => {
    const html = renderMarkdown('say <b>hi</b>')
    expect(textContent(html)).toBe('say <b>hi</b>')
    expect(elements(html, 'b')).toEqual([])
    expect(elements(html, 'strong')).toEqual([])
  })

  it('shows an HTML block as a paragraph of its source text', () => {
    const html = renderMarkdown('<div onclick="x()">\n*hi*\n</div>')
    expect(elements(html, 'div')).toEqual([])
    expect(textContent(html)).toContain('<div onclick="x()">')
  })

  it('escapes text following an inline <pre> tag, which marked would pass through raw', () => {
    const html = renderMarkdown('a <pre> b <img src=x onerror=alert(1)// c')
    expect(elements(html, 'img')).toEqual([])
    expect(textContent(html)).toBe('a <pre> b <img src=x onerror=alert(1)// c')
  })
})

describe('renderMarkdown links and images', () => {
  it('gives every link rel="nofollow ugc noopener"', () => {
    const html = renderMarkdown(
      '[a](https://example.com) <https://example.org> www.example.net [b](/faq) [c](#top) <me@example.com>',
    )
    const links = elements(html, 'a')
    expect(links.map((a) => a.properties?.href)).toEqual([
      'https://example.com',
      'https://example.org',
      'http://www.example.net',
      '/faq',
      '#top',
      'mailto:me@example.com',
    ])
    for (const link of links) expect(link.properties?.rel).toEqual(['nofollow', 'ugc', 'noopener'])
    expect(html).toContain('rel="nofollow ugc noopener"')
  })

  it('turns a javascript: link into plain text', () => {
    const html = renderMarkdown('[x](javascript:alert(1))')
    expect(html).not.toMatch(/javascript:/i)
    expect(elements(html, 'a')).toEqual([])
    expect(textContent(html)).toBe('x')
  })

  it('drops vbscript: and data: link targets and keeps upper-case https ones', () => {
    const html = renderMarkdown(
      '[a](vbscript:msgbox(1)) [b](data:text/html,x) [c](HTTPS://EXAMPLE.COM)',
    )
    expect(elements(html, 'a').map((a) => a.properties?.href)).toEqual(['https://EXAMPLE.COM'])
  })

  it('keeps http(s) images and marks them loading="lazy"', () => {
    const html = renderMarkdown(
      '![a cat](https://example.com/cat.png "Cat") ![dog](http://example.com/d.png)',
    )
    const images = elements(html, 'img')
    expect(images.map((img) => img.properties)).toEqual([
      { src: 'https://example.com/cat.png', alt: 'a cat', title: 'Cat', loading: 'lazy' },
      { src: 'http://example.com/d.png', alt: 'dog', loading: 'lazy' },
    ])
  })

  it('drops data:, javascript: and relative images', () => {
    const html = renderMarkdown(
      '![x](data:image/png;base64,iVBORw0KGgo=) ![y](javascript:alert(1)) ![z](/logout)',
    )
    expect(elements(html, 'img')).toEqual([])
    expect(html).not.toMatch(/data:|javascript:|logout/)
  })
})

describe('renderMarkdown GitHub-flavoured markdown', () => {
  it('renders tables with column alignment', () => {
    const html = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |')
    expect(elements(html, 'table')).toHaveLength(1)
    expect(elements(html, 'th').map((th) => th.properties?.align)).toEqual(['left', 'right'])
    expect(elements(html, 'td').map((td) => td.properties?.align)).toEqual(['left', 'right'])
  })

  it('renders task lists as disabled checkboxes', () => {
    const html = renderMarkdown('- [ ] todo\n- [x] done')
    expect(elements(html, 'input').map((input) => input.properties)).toEqual([
      { disabled: true, type: 'checkbox' },
      { checked: true, disabled: true, type: 'checkbox' },
    ])
  })

  it('keeps the language class on fenced code and escapes its content', () => {
    const html = renderMarkdown('```ts\nconst a: Array<string> = []\n```')
    expect(elements(html, 'code').map((code) => code.properties?.className)).toEqual([
      ['language-ts'],
    ])
    expect(textContent(html)).toBe('const a: Array<string> = []')
  })

  it('renders ~~strikethrough~~ as <del>', () => {
    expect(renderMarkdown('~~gone~~')).toBe('<p><del>gone</del></p>\n')
  })

  it('keeps ordered list start numbers', () => {
    expect(elements(renderMarkdown('3. three\n4. four'), 'ol')[0].properties).toEqual({ start: 3 })
  })

  it('shifts headings down one level, capping at h6', () => {
    const html = renderMarkdown('# Title\n\n## Sub\n\n##### Five\n\n###### Six')
    expect(html).toBe('<h2>Title</h2>\n<h3>Sub</h3>\n<h6>Five</h6>\n<h6>Six</h6>\n')
  })
})

describe('renderMarkdown performance and versioning', () => {
  it('renders a 30 000-character post in well under a second', () => {
    const block =
      '## Heading\n\nSome **bold** and _em_ text with a [link](https://example.com/a) and `code`.\n\n' +
      '- item one\n- [ ] task\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1\n```\n\n' +
      '> quoted <b>html</b> & entities &amp; ![img](https://example.com/i.png)\n\n'
    const body = block.repeat(Math.ceil(30_000 / block.length)).slice(0, 30_000)
    expect(body).toHaveLength(30_000)
    const start = performance.now()
    const html = renderMarkdown(body)
    const elapsed = performance.now() - start
    expect(html.length).toBeGreaterThan(0)
    expect(elapsed).toBeLessThan(1000)
  })

  it('exposes a positive integer renderer version for stamping cooked posts', () => {
    expect(Number.isInteger(MARKDOWN_RENDERER_VERSION)).toBe(true)
    expect(MARKDOWN_RENDERER_VERSION).toBeGreaterThanOrEqual(1)
  })
})

describe('renderMarkdown on pathological nesting', () => {
  it('shows a 2,000-deep blockquote as plain text instead of throwing', () => {
    const input = '>'.repeat(2000) + ' <b>deep</b>'
    const html = renderMarkdown(input)
    expect(html.startsWith('<pre>')).toBe(true)
    expect(html).toContain('&lt;b&gt;deep&lt;/b&gt;')
  })
})
