import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadDemoCommunity, type DemoThread } from '../../db/seed/demo-content'

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
    for (const role of ['moderator', 'staff', 'admin']) {
      expect(users.filter((u) => u.role === role).map((u) => u.handle)).toHaveLength(1)
    }
    const others = users.filter((u) => !named.has(u.handle))
    expect(others).toHaveLength(8)
    expect(others.filter((u) => u.role === 'helper')).toHaveLength(2)
    expect(others.filter((u) => u.role === 'member')).toHaveLength(6)

    expect(new Set(users.map((u) => u.handle)).size).toBe(users.length)
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length)
    for (const u of users) {
      expect(u.handle).toMatch(/^[a-z0-9_]{3,20}$/)
      expect(u.email).toMatch(/^[a-z0-9._-]+@kopi\.example$/)
    }
  })

  it('has 24–30 threads, sorted by file name', () => {
    expect(threads.length).toBeGreaterThanOrEqual(24)
    expect(threads.length).toBeLessThanOrEqual(30)
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
    expect(tags.size).toBeLessThanOrEqual(25)
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

  it('names the file for broken YAML and a missing front matter block', () => {
    const yaml = contentWith('99-yaml.md', thread(`${valid}\nstate: [open`))
    expect(() => loadDemoCommunity(yaml)).toThrow(/99-yaml\.md: \(yaml\)/)
    const bare = contentWith('99-bare.md', 'Just a question body without any front matter.\n')
    expect(() => loadDemoCommunity(bare)).toThrow(/99-bare\.md: \(front matter\)/)
  })
})
