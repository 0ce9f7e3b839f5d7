import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { splitFrontMatter } from '../../app/utils/front-matter.server'
import { loadDemoCommunity, type DemoThread } from '../../db/seed/demo-content'

// The KB loader lives beside the sync, whose modules open the database and the search index
// when imported; reading files needs neither.
vi.mock('~/utils/db.server', () => ({ db: {}, sqlite: {}, write: () => undefined }))
vi.mock('~/modules/search/kb-index.server', () => ({ scheduleKbIndexRebuild: () => undefined }))
const { loadKbContent, parseKbFile } = await import('~/modules/kb/content.server')

const contentDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../content')

const ROLE_ACCOUNTS = {
  member: 'ayu',
  helper: 'budi',
  moderator: 'citra',
  staff: 'dewi',
  admin: 'eko',
} as const

const CATEGORY_SLUGS = [
  'orders-shipping',
  'returns-refunds',
  'payments-billing',
  'account-login',
  'brewing-help',
]

const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

describe('demo community content', () => {
  const community = loadDemoCommunity(contentDir)
  const { categories, users, threads } = community
  const userByHandle = new Map(users.map((u) => [u.handle, u]))

  it('has exactly the five categories, in position order', () => {
    expect(categories.map((c) => c.slug)).toEqual(CATEGORY_SLUGS)
    for (const c of categories) expect(c.description.length).toBeGreaterThan(10)
  })

  it('has one named account per role and unique handles and e-mails', () => {
    for (const [role, handle] of Object.entries(ROLE_ACCOUNTS)) {
      expect(userByHandle.get(handle)?.role, handle).toBe(role)
    }
    const named = new Set<string>(Object.values(ROLE_ACCOUNTS))
    for (const role of ['moderator', 'admin']) {
      expect(users.filter((u) => u.role === role).map((u) => u.handle)).toHaveLength(1)
    }
    // Three staff take turns on call: Dewi and two colleagues.
    expect(users.filter((u) => u.role === 'staff').map((u) => u.handle)).toEqual([
      'dewi',
      'fikri',
      'sekar',
    ])
    const others = users.filter((u) => !named.has(u.handle) && u.role !== 'staff')
    expect(others).toHaveLength(10)
    expect(others.filter((u) => u.role === 'helper')).toHaveLength(2)
    expect(others.filter((u) => u.role === 'member')).toHaveLength(8)

    expect(new Set(users.map((u) => u.handle)).size).toBe(users.length)
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length)
    for (const u of users) {
      expect(u.handle).toMatch(/^[a-z0-9_]{3,20}$/)
      expect(u.email).toMatch(/^[a-z0-9._-]+@kopi\.example$/)
    }
  })

  it('has 24–30 English and 10–15 Indonesian threads, sorted by file name', () => {
    const english = threads.filter((t) => t.language === 'en')
    const indonesian = threads.filter((t) => t.language === 'id')
    expect(english.length + indonesian.length).toBe(threads.length)
    expect(english.length).toBeGreaterThanOrEqual(24)
    expect(english.length).toBeLessThanOrEqual(30)
    expect(indonesian.length).toBeGreaterThanOrEqual(10)
    expect(indonesian.length).toBeLessThanOrEqual(15)
    const slugs = threads.map((t) => t.slug)
    expect(slugs).toEqual([...slugs].sort())
    for (const slug of slugs) expect(slug).toMatch(/^\d{2}-[a-z0-9-]+$/)
  })

  it('meets the minimum count for every state', () => {
    const states = countBy(threads, (t) => t.state)
    expect(states.get('open') ?? 0).toBeGreaterThanOrEqual(5)
    expect(states.get('answered') ?? 0).toBeGreaterThanOrEqual(6)
    expect(states.get('solved') ?? 0).toBeGreaterThanOrEqual(8)
    expect(states.get('duplicate') ?? 0).toBeGreaterThanOrEqual(2)
  })

  it('has at least three threads in every category', () => {
    const perCategory = countBy(threads, (t) => t.category)
    for (const slug of CATEGORY_SLUGS)
      expect(perCategory.get(slug) ?? 0, slug).toBeGreaterThanOrEqual(3)
  })

  it('gives ayu an open, an answered and a solved question', () => {
    const states = new Set(threads.filter((t) => t.author === 'ayu').map((t) => t.state))
    for (const state of ['open', 'answered', 'solved'] as const)
      expect(states.has(state), state).toBe(true)
  })

  it('keeps fields inside their limits and references valid', () => {
    const slugs = new Set(threads.map((t) => t.slug))
    const categorySlugs = new Set(categories.map((c) => c.slug))
    for (const t of threads) {
      expect(t.title.length, t.slug).toBeGreaterThanOrEqual(10)
      expect(t.title.length, t.slug).toBeLessThanOrEqual(150)
      expect(t.body.length, t.slug).toBeGreaterThanOrEqual(20)
      expect(t.body.length, t.slug).toBeLessThanOrEqual(3000)
      expect(t.createdHoursAgo, t.slug).toBeGreaterThanOrEqual(1)
      expect(t.createdHoursAgo, t.slug).toBeLessThanOrEqual(1000)
      expect(Number.isInteger(t.score), t.slug).toBe(true)
      expect(t.tags.length, t.slug).toBeGreaterThanOrEqual(1)
      expect(t.tags.length, t.slug).toBeLessThanOrEqual(5)
      for (const tag of t.tags) expect(tag, t.slug).toMatch(TAG_PATTERN)
      expect(categorySlugs.has(t.category), t.slug).toBe(true)
      expect(userByHandle.has(t.author), t.slug).toBe(true)
      for (const a of t.answers) {
        expect(userByHandle.has(a.author), t.slug).toBe(true)
        expect(a.hoursAfter, t.slug).toBeGreaterThan(0)
        expect(a.hoursAfter, t.slug).toBeLessThan(t.createdHoursAgo)
      }
      if (t.state === 'duplicate') {
        expect(t.duplicateOf, t.slug).not.toBeNull()
        expect(slugs.has(t.duplicateOf ?? ''), t.slug).toBe(true)
      } else {
        expect(t.duplicateOf, t.slug).toBeNull()
      }
    }
  })

  it('reuses a small tag vocabulary', () => {
    const tags = countBy(
      threads.flatMap((t) => t.tags),
      (tag) => tag,
    )
    expect(tags.size).toBeGreaterThanOrEqual(15)
    expect(tags.size).toBeLessThanOrEqual(35)
    const reused = [...tags.values()].filter((n) => n >= 2).length
    expect(reused / tags.size).toBeGreaterThan(0.6)
  })

  it('has states that match the answers', () => {
    const bySlug = new Map(threads.map((t) => [t.slug, t]))
    const byOthers = (t: DemoThread) => t.answers.filter((a) => a.author !== t.author)
    for (const t of threads) {
      const accepted = t.answers.filter((a) => a.accepted)
      const hours = t.answers.map((a) => a.hoursAfter)
      expect(hours, t.slug).toEqual([...hours].sort((a, b) => a - b))
      switch (t.state) {
        case 'solved':
          expect(accepted, t.slug).toHaveLength(1)
          expect(accepted[0].author, t.slug).not.toBe(t.author)
          break
        case 'answered':
          expect(accepted, t.slug).toHaveLength(0)
          expect(byOthers(t).length, t.slug).toBeGreaterThanOrEqual(1)
          break
        case 'open':
          expect(accepted, t.slug).toHaveLength(0)
          expect(byOthers(t), t.slug).toHaveLength(0)
          break
        case 'duplicate':
          expect(bySlug.get(t.duplicateOf ?? '')?.state, t.slug).not.toBe('duplicate')
          break
      }
    }
  })

  it('looks like a lived-in community', () => {
    const roleOf = (handle: string) => userByHandle.get(handle)?.role
    const answers = threads.flatMap((t) => t.answers.filter((a) => a.author !== t.author))
    const byTeam = answers.filter((a) => roleOf(a.author) !== 'member')
    expect(byTeam.length / answers.length).toBeGreaterThan(0.5)

    const askedByMembers = threads.filter((t) => roleOf(t.author) === 'member')
    expect(askedByMembers.length / threads.length).toBeGreaterThan(0.8)

    expect(threads.filter((t) => t.answers.length >= 3).length).toBeGreaterThanOrEqual(3)

    const acceptedByCommunity = threads
      .flatMap((t) => t.answers.filter((a) => a.accepted))
      .filter((a) => ['member', 'helper'].includes(roleOf(a.author) ?? ''))
    expect(acceptedByCommunity.length).toBeGreaterThanOrEqual(2)
  })
})

describe('demo content in two languages', () => {
  const { threads } = loadDemoCommunity(contentDir)
  const articles = loadKbContent(contentDir)
  const indonesianThreads = threads.filter((t) => t.language === 'id')
  const indonesianArticles = articles.filter((a) => a.language === 'id')

  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const threadText = (t: DemoThread) =>
    [t.title, t.tags.join(' '), t.body, ...t.answers.map((a) => a.body)].join('\n')
  const articleText = (a: (typeof articles)[number]) =>
    [a.title, a.summary, a.tags.join(' '), a.body].join('\n')

  // Common short words of each language: a text written in one has few of the other's, even
  // with the English loanwords (refund, tracking, checkout) Indonesian shoppers use.
  const ENGLISH = new Set(
    'the and to is are you your it of for my with this that in on was but not'.split(' '),
  )
  const INDONESIAN = new Set(
    'yang dan di ke tidak nggak saya untuk sudah kalau bisa ini itu dengan atau ada juga kami kamu dari'.split(
      ' ',
    ),
  )
  function languageOf(text: string): string {
    const all = words(text)
    const en = all.filter((w) => ENGLISH.has(w)).length
    const id = all.filter((w) => INDONESIAN.has(w)).length
    if (en > 3 * id) return 'en'
    if (id > 3 * en) return 'id'
    return 'mixed'
  }

  it('states the language in every thread and article file, as en or id', () => {
    const files = [
      ...readdirSync(join(contentDir, 'demo', 'threads')).map((n) => join('demo', 'threads', n)),
      ...readdirSync(join(contentDir, 'kb')).map((n) => join('kb', n)),
    ].filter((n) => n.endsWith('.md'))
    expect(files.length).toBe(threads.length + articles.length)
    for (const name of files) {
      const parts = splitFrontMatter(readFileSync(join(contentDir, name), 'utf8'))
      const front = parseYaml(parts?.frontMatter ?? '') as Record<string, unknown>
      expect(['en', 'id'], name).toContain(front.language)
    }
  })

  it('is written in the language it states', () => {
    for (const t of threads) expect(languageOf(threadText(t)), t.slug).toBe(t.language)
    for (const a of articles) expect(languageOf(articleText(a)), a.slug).toBe(a.language)
  })

  it('has Indonesian threads in every category and every state', () => {
    expect(new Set(indonesianThreads.map((t) => t.category))).toEqual(new Set(CATEGORY_SLUGS))
    const states = countBy(indonesianThreads, (t) => t.state)
    expect(states.get('open') ?? 0).toBeGreaterThanOrEqual(2)
    expect(states.get('answered') ?? 0).toBeGreaterThanOrEqual(2)
    expect(states.get('solved') ?? 0).toBeGreaterThanOrEqual(3)
    expect(states.get('duplicate') ?? 0).toBeGreaterThanOrEqual(1)
  })

  it('closes threads as duplicates of originals in the same language', () => {
    const bySlug = new Map(threads.map((t) => [t.slug, t]))
    for (const t of threads.filter((t) => t.state === 'duplicate'))
      expect(bySlug.get(t.duplicateOf ?? '')?.language, t.slug).toBe(t.language)
  })

  it('interleaves the Indonesian threads in time with the English ones', () => {
    const english = threads
      .filter((t) => t.language === 'en')
      .map((t) => t.createdHoursAgo)
      .sort((a, b) => a - b)
    const median = english[Math.floor(english.length / 2)]
    const hours = indonesianThreads.map((t) => t.createdHoursAgo)
    expect(hours.some((h) => h < median)).toBe(true)
    expect(hours.some((h) => h > median)).toBe(true)
    expect(Math.min(...hours)).toBeLessThan(24)
  })

  it('ships five or six Indonesian KB articles beside the English ones', () => {
    expect(indonesianArticles.length).toBeGreaterThanOrEqual(5)
    expect(indonesianArticles.length).toBeLessThanOrEqual(6)
    expect(articles.filter((a) => a.language === 'en').length).toBeGreaterThanOrEqual(10)
    for (const a of indonesianArticles) expect(CATEGORY_SLUGS, a.slug).toContain(a.category)
  })

  // What Indonesian customers type into the search box: each must find Indonesian content that
  // holds every one of its words.
  it.each([
    'paket belum sampai',
    'lupa kata sandi',
    'ongkir',
    'ongkos kirim',
    'kurir',
    'pengembalian dana',
    'refund gopay',
    'nomor resi',
    'bayar di tempat',
    'cod',
    'rekening',
  ])('has Indonesian threads or articles for "%s"', (query) => {
    const wanted = words(query)
    const holds = (text: string) => {
      const have = new Set(words(text))
      return wanted.every((w) => have.has(w))
    }
    const found = [
      ...indonesianThreads.filter((t) => holds(threadText(t))).map((t) => t.slug),
      ...indonesianArticles.filter((a) => holds(articleText(a))).map((a) => a.slug),
    ]
    expect(found.length, query).toBeGreaterThanOrEqual(1)
  })

  it('has an Indonesian article on each of the searches a KB answer is promised for', () => {
    const about = (query: string, category: string) =>
      indonesianArticles.filter(
        (a) => a.category === category && words(articleText(a)).join(' ').includes(query),
      )
    expect(about('lupa kata sandi', 'account-login')).not.toHaveLength(0)
    expect(about('ongkos kirim', 'orders-shipping')).not.toHaveLength(0)
    expect(about('pengembalian dana', 'returns-refunds')).not.toHaveLength(0)
    expect(about('bayar di tempat', 'payments-billing')).not.toHaveLength(0)
  })
})

describe('loadDemoCommunity errors', () => {
  const tempDirs: string[] = []
  afterEach(() => {
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** A copy of the real content with one extra thread file, so only that file can be at fault. */
  function contentWith(fileName: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'tanya-demo-'))
    tempDirs.push(dir)
    cpSync(contentDir, dir, { recursive: true })
    writeFileSync(join(dir, 'demo', 'threads', fileName), text)
    return dir
  }

  const thread = (frontMatter: string) =>
    `---\n${frontMatter}\n---\nThis question body is long enough to pass validation.\n`

  const valid = [
    'title: A perfectly ordinary title',
    'category: brewing-help',
    'author: ayu',
    'tags: [beans]',
    'createdHoursAgo: 50',
    'views: 3',
    'score: 0',
  ].join('\n')

  it('accepts the valid baseline', () => {
    const dir = contentWith('99-baseline.md', thread(`${valid}\nstate: open`))
    expect(loadDemoCommunity(dir).threads.at(-1)?.slug).toBe('99-baseline')
  })

  it('names the file and the field for a schema error', () => {
    const dir = contentWith(
      '99-bad-tag.md',
      thread(`${valid}\nstate: open`.replace('[beans]', '[Beans!]')),
    )
    expect(() => loadDemoCommunity(dir)).toThrow(/99-bad-tag\.md: tags\[0\]/)
  })

  it('names the file for unknown authors and categories', () => {
    const unknownAuthor = contentWith(
      '99-ghost.md',
      thread(`${valid}\nstate: open`.replace('author: ayu', 'author: ghost')),
    )
    expect(() => loadDemoCommunity(unknownAuthor)).toThrow(
      /99-ghost\.md: author: unknown user "ghost"/,
    )
    const unknownCategory = contentWith(
      '99-nowhere.md',
      thread(`${valid}\nstate: open`.replace('brewing-help', 'nowhere')),
    )
    expect(() => loadDemoCommunity(unknownCategory)).toThrow(/99-nowhere\.md: category/)
  })

  it('rejects a state that does not match the answers', () => {
    const answers = [
      'answers:',
      '  - author: budi',
      '    hoursAfter: 2',
      '    score: 1',
      '    body: Grind finer.',
    ].join('\n')
    const dir = contentWith('99-not-solved.md', thread(`${valid}\nstate: solved\n${answers}`))
    expect(() => loadDemoCommunity(dir)).toThrow(/99-not-solved\.md: state/)
    const open = contentWith('99-not-open.md', thread(`${valid}\nstate: open\n${answers}`))
    expect(() => loadDemoCommunity(open)).toThrow(/99-not-open\.md: state/)
  })

  it('rejects duplicates of duplicates and missing targets', () => {
    const chained = contentWith(
      '99-chained.md',
      thread(
        `${valid}\nstate: duplicate\nduplicateOf: 07-resi-stuck-on-manifested`.replace('50', '5'),
      ),
    )
    expect(() => loadDemoCommunity(chained)).toThrow(/99-chained\.md: duplicateOf/)
    const missing = contentWith('99-missing.md', thread(`${valid}\nstate: duplicate`))
    expect(() => loadDemoCommunity(missing)).toThrow(/99-missing\.md: duplicateOf: required/)
  })

  it('rejects unsorted answers and unknown fields', () => {
    const answers = [
      'answers:',
      '  - { author: budi, hoursAfter: 5, score: 0, body: Later answer }',
      '  - { author: citra, hoursAfter: 2, score: 0, body: Earlier answer }',
    ].join('\n')
    const unsorted = contentWith('99-unsorted.md', thread(`${valid}\nstate: answered\n${answers}`))
    expect(() => loadDemoCommunity(unsorted)).toThrow(/99-unsorted\.md: answers\[1\]\.hoursAfter/)
    const typo = contentWith('99-typo.md', thread(`${valid}\nstate: open\nveiws: 4`))
    expect(() => loadDemoCommunity(typo)).toThrow(/99-typo\.md: .*veiws/)
  })

  it('reads the language as en when a file leaves it out, and refuses any other', () => {
    const plain = contentWith('99-plain.md', thread(`${valid}\nstate: open`))
    expect(loadDemoCommunity(plain).threads.at(-1)?.language).toBe('en')
    const indonesian = contentWith('99-id.md', thread(`${valid}\nstate: open\nlanguage: id`))
    expect(loadDemoCommunity(indonesian).threads.at(-1)?.language).toBe('id')
    const french = contentWith('99-fr.md', thread(`${valid}\nstate: open\nlanguage: fr`))
    expect(() => loadDemoCommunity(french)).toThrow(/99-fr\.md: language/)
  })

  it("reads a KB article's language the same way", () => {
    const article = (extra: string) =>
      [
        '---',
        'title: Grinding for a moka pot',
        'summary: Finer than pour-over, coarser than espresso.',
        'category: brewing-help',
        'tags: [grind-size]',
        'updated: 2026-10-01',
        extra,
        '---',
        'Start one step coarser than espresso and adjust by taste.',
        '',
      ].join('\n')
    // Left out, the language is detected from the text when the article is synced.
    expect(parseKbFile('moka.md', 'moka.md', article('')).language).toBeUndefined()
    expect(parseKbFile('moka.md', 'moka.md', article('language: id')).language).toBe('id')
    expect(() => parseKbFile('moka.md', 'moka.md', article('language: fr'))).toThrow(
      /moka\.md: language/,
    )
  })

  it('names the file for broken YAML and a missing front matter block', () => {
    const yaml = contentWith('99-yaml.md', thread(`${valid}\nstate: [open`))
    expect(() => loadDemoCommunity(yaml)).toThrow(/99-yaml\.md: \(yaml\)/)
    const bare = contentWith('99-bare.md', 'Just a question body without any front matter.\n')
    expect(() => loadDemoCommunity(bare)).toThrow(/99-bare\.md: \(front matter\)/)
  })
})
