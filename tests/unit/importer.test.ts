import { describe, expect, it } from 'vitest'
import { htmlToMarkdown } from '~/modules/importer/html-to-markdown.server'
import {
  fitTitle,
  normaliseTagName,
  siteName,
  siteSlug,
  splitDumpTags,
  uniqueHandle,
} from '~/modules/importer/names'
import { DumpFormatError, XmlRowParser, type RowAttributes } from '~/modules/importer/xml-rows'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { TAG_PATTERN } from '~/modules/questions/validation'

function parse(text: string, root = 'posts') {
  const rows: { attributes: RowAttributes; line: number }[] = []
  const parser = new XmlRowParser('Posts.xml', root, (attributes, line) =>
    rows.push({ attributes, line }),
  )
  text.split('\n').forEach((line, i) => parser.pushLine(line, i + 1))
  parser.end()
  return rows
}

function failure(text: string, root = 'posts') {
  try {
    parse(text, root)
  } catch (error) {
    if (error instanceof DumpFormatError) return { line: error.line, message: error.message }
    throw error
  }
  throw new Error('expected the text to be refused')
}

const HEAD = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<posts>'

describe('dump XML rows', () => {
  it('reads rows with their line numbers, decoding entities and character references', () => {
    const rows = parse(
      `${HEAD}\n  <row Id="1" Body="&lt;p&gt;a &amp; b&lt;/p&gt;&#xA;&#10;&quot;x&quot; &#233;" />\n\n  <row Id='2' Title='it&apos;s' />\n</posts>`,
    )
    expect(rows).toEqual([
      { attributes: { Id: '1', Body: '<p>a & b</p>\n\n"x" é' }, line: 3 },
      { attributes: { Id: '2', Title: "it's" }, line: 5 },
    ])
  })

  it('accepts a row spread over several lines, normalising the literal line breaks', () => {
    const rows = parse(`${HEAD}\n  <row Id="1"\n    Title="two\nlines"\n  />\n</posts>`)
    expect(rows).toEqual([{ attributes: { Id: '1', Title: 'two lines' }, line: 3 }])
  })

  it('names the line of a row cut short, even when the next row follows it', () => {
    const text = `${HEAD}\n  <row Id="1" />\n  <row Id="2" Body="&lt;p&gt;cut he\n  <row Id="3" />\n</posts>`
    expect(failure(text)).toEqual({
      line: 4,
      message:
        'Posts.xml line 4: the value of Body is not closed before the next tag (truncated row?)',
    })
  })

  it.each([
    ['a bare ampersand', '<row Id="1" Title="fish & chips" />', /bare "&"/],
    ['an unknown entity', '<row Id="1" Title="&nbsp;" />', /unknown entity &nbsp;/],
    ['an invalid character reference', '<row Id="1" Title="&#0;" />', /not a valid character/],
    ['a repeated attribute', '<row Id="1" Id="2" />', /appears twice/],
    ['an unquoted value', '<row Id=1 />', /not quoted/],
    ['an element that is not a row', '<post Id="1" />', /expected a <row/],
    ['a row that is not empty', '<row Id="1">', /must be an empty element/],
  ])('refuses %s', (_what, row, reason) => {
    const error = failure(`${HEAD}\n${row}\n</posts>`)
    expect(error.line).toBe(3)
    expect(error.message).toMatch(reason)
  })

  it('refuses a file that stops before its root element is closed', () => {
    expect(failure(`${HEAD}\n  <row Id="1" />`)).toEqual({
      line: 3,
      message: 'Posts.xml line 3: the file ends before </posts> (truncated?)',
    })
  })

  it('refuses the wrong file and anything after the root element', () => {
    expect(failure(`${HEAD}\n</posts>`, 'users').message).toMatch(
      /expected <users> as the root element, found <posts>/,
    )
    expect(failure(`${HEAD}\n</posts>\n<row Id="1" />`).line).toBe(4)
  })
})

describe('names from a dump', () => {
  it('derives valid, unique handles from display names', () => {
    const taken = new Set(['ayu'])
    const handles = [
      uniqueHandle("Zoë O'Brien", 'user_1', taken),
      uniqueHandle('Zoe O Brien', 'user_2', taken),
      uniqueHandle('Ayu', 'user_3', taken),
      uniqueHandle('李明', 'user_4', taken),
      uniqueHandle('A very long display name indeed', 'user_5', taken),
      uniqueHandle('A very long display name indeed', 'user_6', taken),
    ]
    expect(handles).toEqual([
      'zoe_o_brien',
      'zoe_o_brien_2',
      'ayu_2',
      'user_4',
      'a_very_long_display',
      'a_very_long_displa_2',
    ])
    for (const h of handles) expect(h).toMatch(HANDLE_PATTERN)
  })

  it('normalises tags to our pattern or drops them', () => {
    const cases = [
      'C#',
      'c++',
      'metadata.json',
      'quantum-gate',
      '--',
      'superconducting-quantum-computing',
    ]
    const names = cases.map(normaliseTagName)
    expect(names).toEqual([
      'c-sharp',
      'c-plus-plus',
      'metadata-json',
      'quantum-gate',
      null,
      'superconducting-quantum',
    ])
    for (const n of names) if (n) expect(n).toMatch(TAG_PATTERN)
  })

  it('splits both tag notations and shortens long titles with an ellipsis', () => {
    expect(splitDumpTags('<a><b-c>')).toEqual(['a', 'b-c'])
    expect(splitDumpTags('|a|b-c|')).toEqual(['a', 'b-c'])
    const title = fitTitle(`${'word '.repeat(40)}end`)
    expect(title).toHaveLength(150)
    expect(title.endsWith('…')).toBe(true)
    expect(fitTitle('  Short   title ')).toBe('Short title')
  })

  it('names the category after the site', () => {
    expect(siteSlug('cstheory.meta.stackexchange.com')).toBe('cstheory-meta')
    expect(siteSlug('cardano.stackexchange.com')).toBe('cardano')
    expect(siteName('cardano.stackexchange.com')).toBe('Cardano (Stack Exchange)')
  })
})

describe('post HTML to markdown', () => {
  it('keeps code blocks as fenced code, with the language the post names', () => {
    const md = htmlToMarkdown(
      '<p>Run:</p>\n<pre class="lang-py prettyprint-override"><code>print("a `b`")\n</code></pre>\n<pre><code>plain\n</code></pre>',
    )
    expect(md).toBe('Run:\n\n```py\nprint("a `b`")\n```\n\n```\nplain\n```')
  })

  it('keeps links, images, emphasis, lists and strikethrough', () => {
    const md = htmlToMarkdown(
      '<p>See <a href="https://example.com/x" rel="noreferrer">the docs</a> and <em>this</em> <strong>now</strong> <del>old</del>.</p><ul><li>one</li></ul><p><img src="https://i.stack.imgur.com/a.png" alt="shot"></p>',
    )
    expect(md).toBe(
      'See [the docs](https://example.com/x) and _this_ **now** ~~old~~.\n\n-   one\n\n![shot](https://i.stack.imgur.com/a.png)',
    )
  })

  it('keeps only the text of markup it has no markdown for', () => {
    expect(htmlToMarkdown('<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup></p>')).toBe(
      'Press Ctrl+C, x2',
    )
    expect(htmlToMarkdown('   ')).toBe('')
  })
})
