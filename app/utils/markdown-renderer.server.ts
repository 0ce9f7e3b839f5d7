import { Marked } from 'marked'
import rehypeParse from 'rehype-parse'
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'

// Posts record the version that cooked them; bump this whenever the output can change
// (allow-list, renderer overrides, post-processing) so the re-cook job redoes old posts.
export const MARKDOWN_RENDERER_VERSION = 1

// The hoisted @types/hast is v2 (from Remix's dev tooling); take the v3 tree the
// sanitizer actually works on from its own signature instead.
type Root = Parameters<ReturnType<typeof rehypeSanitize>>[0]
type Element = Extract<Root['children'][number], { type: 'element' }>

const LINK_REL = 'nofollow ugc noopener'

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

// Users' raw HTML is shown as the text they typed, never interpreted: that keeps
// "a<b>c" or a pasted snippet visible instead of silently eaten by the sanitizer.
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)
    },
  },
  walkTokens(token) {
    // After an inline <pre>/<script>/<kbd>/<code> tag marked passes the following text
    // through unescaped; since that tag is now shown as text, its "content" must be too.
    if (token.type === 'text' && token.escaped) token.escaped = false
    // The sanitizer matches schemes case-sensitively; HTTPS://EXAMPLE.COM is still a link.
    if (token.type === 'link' || token.type === 'image') {
      token.href = token.href.replace(/^[a-z][a-z\d+.-]*:/i, (scheme: string) =>
        scheme.toLowerCase(),
      )
    }
  },
})

// Everything marked can emit that we want, nothing else. Raw HTML never reaches this
// point as markup, so this is the second line of defence, not the first.
const schema: SanitizeSchema = {
  tagNames: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'],
    ...['strong', 'em', 'del', 'code', 'pre', 'a', 'img'],
    ...['ul', 'ol', 'li', 'input'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w#+.-]+$/]],
    ol: ['start'],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: {
    li: ['ol', 'ul'],
    thead: ['table'],
    tbody: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
  },
  // Relative URLs always pass; anything with a scheme must be on this list.
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // We allow no id/name at all, but keep the prefix in case a future allow-list does.
  clobber: ['id', 'name'],
  clobberPrefix: 'user-content-',
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
}

function isAbsoluteHttp(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\//i.test(value)
}

// Runs after the sanitizer, so it only ever adds fixed, safe values.
function finishPostTree() {
  return (tree: Root) => {
    const parents: Array<Root | Element> = [tree]
    for (let parent = parents.pop(); parent; parent = parents.pop()) {
      const children: Array<Root['children'][number]> = parent.children
      for (let i = 0; i < children.length; i++) {
        const node = children[i]
        if (node.type !== 'element') continue

        // A link whose href was refused would be a dead, clickable-looking word: keep the text.
        if (node.tagName === 'a' && typeof node.properties.href !== 'string') {
          children.splice(i, 1, ...node.children)
          i--
          continue
        }
        // Relative images would hit our own routes with the reader's cookies; only remote ones.
        if (node.tagName === 'img' && !isAbsoluteHttp(node.properties.src)) {
          children.splice(i, 1)
          i--
          continue
        }

        // The post title is the page's h1, so a post's headings start one level below it.
        const level = /^h([1-6])$/.exec(node.tagName)
        if (level) node.tagName = `h${Math.min(Number(level[1]) + 1, 6)}`
        if (node.tagName === 'a') node.properties.rel = LINK_REL.split(' ')
        if (node.tagName === 'img') node.properties.loading = 'lazy'

        parents.push(node)
      }
    }
  }
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, schema)
  .use(finishPostTree)
  .use(rehypeStringify)
  .freeze()

/** Markdown (GFM) to sanitized HTML, safe to inject into a post body. */
export function renderMarkdown(markdown: string): string {
  try {
    const html = marked.parse(markdown, { async: false })
    return String(processor.processSync(html))
  } catch (error) {
    // Pathological nesting (thousands of `>` or `*`) overflows the parsers' stacks. The
    // post is still shown, as plain text, rather than refused or turned into a 500.
    if (!(error instanceof RangeError)) throw error
    return `<pre>${escapeHtml(markdown)}</pre>`
  }
}
