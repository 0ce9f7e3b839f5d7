import { buildMatch } from '~/modules/search/fts-query.server'
import { parseQuery } from '~/modules/search/normalize.server'
import { currentSynonyms } from '~/modules/search/synonyms.server'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, count, eq, isNotNull, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { logIn } from '~/modules/auth/auth.server'
import {
  DumpFormatError,
  importStackExchange,
  listImportedDuplicateLinks,
} from '~/modules/importer/stackexchange.server'
import { refreshQuestionState } from '~/modules/questions/state.server'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { TAG_PATTERN } from '~/modules/questions/validation'
import { db, sqlite, write } from '~/utils/db.server'
import {
  answers,
  categories,
  events,
  importedIds,
  passwords,
  questionTags,
  questions,
  revisions,
  tags,
  users,
} from '../../db/schema'

const FIXTURES = path.resolve('tests/fixtures/stackexchange')
const META = 'cstheory.meta.stackexchange.com'
const CARDANO = 'cardano.stackexchange.com'
const fixture = (site: string) => path.join(FIXTURES, site)

// ── Reading the fixture XML independently of the importer, to know what to expect ──

type Row = Record<string, string>
function xmlRows(folder: string, file: string): Row[] {
  const full = path.join(folder, `${file}.xml`)
  if (!fs.existsSync(full)) return []
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('<row '))
    .map((l) => Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]])))
}

function expectedCounts(folder: string) {
  const posts = xmlRows(folder, 'Posts')
  const userIds = new Set(xmlRows(folder, 'Users').map((u) => u.Id))
  const hasUsers = fs.existsSync(path.join(folder, 'Users.xml'))
  const owner = (p: Row) =>
    p.OwnerUserId && (!hasUsers || userIds.has(p.OwnerUserId)) ? p.OwnerUserId : '-1'
  const qs = new Map(posts.filter((p) => p.PostTypeId === '1').map((p) => [p.Id, p]))
  const as = new Map(
    posts.filter((p) => p.PostTypeId === '2' && qs.has(p.ParentId)).map((p) => [p.Id, p]),
  )
  const accepted = [...qs.values()].filter((q) => {
    const a = as.get(q.AcceptedAnswerId)
    return a !== undefined && owner(a) !== owner(q)
  })
  const duplicates = new Set(
    xmlRows(folder, 'PostLinks')
      .filter((l) => l.LinkTypeId === '3' && qs.has(l.PostId) && qs.has(l.RelatedPostId))
      .map((l) => l.PostId),
  )
  const answered = [...qs.values()].filter((q) =>
    [...as.values()].some((a) => a.ParentId === q.Id && owner(a) !== owner(q)),
  )
  return {
    questions: qs.size,
    answers: as.size,
    accepted: accepted.length,
    duplicates: duplicates.size,
    responded: answered.length,
    posts: qs,
  }
}

function tableCounts() {
  return {
    users: db.select({ n: count() }).from(users).get()!.n,
    categories: db.select({ n: count() }).from(categories).get()!.n,
    tags: db.select({ n: count() }).from(tags).get()!.n,
    questions: db.select({ n: count() }).from(questions).get()!.n,
    answers: db.select({ n: count() }).from(answers).get()!.n,
    questionTags: db.select({ n: count() }).from(questionTags).get()!.n,
    revisions: db.select({ n: count() }).from(revisions).get()!.n,
    events: db.select({ n: count() }).from(events).get()!.n,
    importedIds: db.select({ n: count() }).from(importedIds).get()!.n,
    search: (sqlite.prepare('select count(*) as n from questions_fts').get() as { n: number }).n,
  }
}

function localId(source: string, kind: 'question' | 'answer' | 'user', externalId: number) {
  return db
    .select({ id: importedIds.localId })
    .from(importedIds)
    .where(
      and(
        eq(importedIds.source, source),
        eq(importedIds.kind, kind),
        eq(importedIds.externalId, externalId),
      ),
    )
    .get()?.id
}

// ── Temporary copies of a fixture, for malformed and partial dumps ──

const temporary: string[] = []
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A copy of a fixture site whose files pass through `edit` (file name, lines) → lines. */
function copyFixture(site: string, edit: (file: string, lines: string[]) => string[]) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-import-'))
  temporary.push(root)
  const folder = path.join(root, site)
  fs.mkdirSync(folder)
  for (const file of fs.readdirSync(fixture(site))) {
    const lines = fs.readFileSync(path.join(fixture(site), file), 'utf8').split('\n')
    fs.writeFileSync(path.join(folder, file), edit(file, lines).join('\n'))
  }
  return folder
}

describe('Stack Exchange import', () => {
  it('imports every question, answer, accepted answer and duplicate link of a dump', async () => {
    const expected = expectedCounts(fixture(META))
    const summary = await importStackExchange([fixture(META)])

    const site = summary.sites[0]
    expect(site.category).toMatchObject({ slug: 'cstheory-meta', created: true })
    const inCategory = db
      .select({ id: questions.id, status: questions.status })
      .from(questions)
      .innerJoin(categories, eq(categories.id, questions.categoryId))
      .where(eq(categories.slug, 'cstheory-meta'))
      .all()
    expect(inCategory).toHaveLength(expected.questions)
    expect(tableCounts().answers).toBe(expected.answers)
    expect(inCategory.filter((q) => q.status === 'solved')).toHaveLength(expected.accepted)
    expect(inCategory.filter((q) => q.status === 'open')).toHaveLength(
      expected.questions - expected.responded,
    )
    const closed = db
      .select({ n: count() })
      .from(questions)
      .where(and(eq(questions.closedReason, 'duplicate'), isNotNull(questions.duplicateOfId)))
      .get()!.n
    expect(closed).toBe(expected.duplicates)
    expect(site.added).toMatchObject({
      questions: expected.questions,
      answers: expected.answers,
      accepted: expected.accepted,
      duplicates: expected.duplicates,
    })

    const byType = Object.fromEntries(
      db
        .select({ type: events.type, n: count() })
        .from(events)
        .groupBy(events.type)
        .all()
        .map((e) => [e.type, e.n]),
    )
    expect(byType).toEqual({
      'question.created': expected.questions,
      'answer.created': expected.answers,
      'answer.accepted': expected.accepted,
      'question.closed': expected.duplicates,
    })
    // Imported history is marked as such, so live metrics never count it.
    expect(db.selectDistinct({ source: events.source }).from(events).all()).toEqual([
      { source: 'import' },
    ])
    expect(tableCounts().revisions).toBe(expected.questions + expected.answers)
  })

  it('keeps dates, scores and views from the dump, with first revisions and events at the original time', async () => {
    await importStackExchange([fixture(CARDANO)])
    const source = xmlRows(fixture(CARDANO), 'Posts').find((p) => p.Id === '3771')!
    const id = localId(CARDANO, 'question', 3771)!
    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q.title).toBe('How to instantiate ToSchema for ADT?')
    expect(q.createdAt.toISOString()).toBe(`${source.CreationDate}Z`)
    expect(q.lastActivityAt.toISOString()).toBe(`${source.LastActivityDate}Z`)
    expect(q.score).toBe(Number(source.Score))
    expect(q.viewCount).toBe(Number(source.ViewCount))
    expect(q.status).toBe('solved')

    const accepted = localId(CARDANO, 'answer', Number(source.AcceptedAnswerId))
    expect(q.acceptedAnswerId).toBe(accepted)
    const answer = db.select().from(answers).where(eq(answers.id, accepted!)).get()!
    expect(q.firstResponseAt).toEqual(answer.createdAt)
    expect(q.solvedAt).toEqual(answer.createdAt)

    const history = db
      .select({ number: revisions.number, comment: revisions.comment, at: revisions.createdAt })
      .from(revisions)
      .where(and(eq(revisions.postType, 'question'), eq(revisions.postId, id)))
      .all()
    expect(history).toEqual([
      {
        number: 1,
        comment: 'Imported from https://cardano.stackexchange.com/q/3771 (CC BY-SA 4.0)',
        at: q.createdAt,
      },
    ])
    const timeline = db
      .select({ type: events.type, at: events.createdAt })
      .from(events)
      .where(eq(events.questionId, id))
      .orderBy(events.createdAt, events.id)
      .all()
    expect(timeline).toEqual([
      { type: 'question.created', at: q.createdAt },
      { type: 'answer.created', at: answer.createdAt },
      { type: 'answer.accepted', at: answer.createdAt },
    ])
  })

  it('turns HTML bodies into markdown with fenced code and links, cooked by the one renderer', async () => {
    await importStackExchange([fixture(CARDANO)])
    const q = db
      .select()
      .from(questions)
      .where(eq(questions.id, localId(CARDANO, 'question', 3771)!))
      .get()!
    expect(q.bodyMd).toContain('```\ndata Thing1 = I Integer | S String\n```')
    expect(q.bodyMd).toContain(
      '[`ToSchema`](https://github.com/input-output-hk/plutus/blob/58c8b4bde7177a18cd6761ba328bc105e5c82a47/playground-common/src/Schema.hs#L172)',
    )
    expect(q.bodyMd).not.toMatch(/<\/?(p|pre|code|a)\b/)
    expect(q.bodyHtml).toContain('<pre><code>data Thing1 = I Integer | S String\n</code></pre>')
    expect(q.bodyHtml).toContain('rel="nofollow ugc noopener"><code>ToSchema</code></a>')
    expect(q.bodyHtml).not.toContain('noreferrer')
  })

  it('adds nothing when the same dump is imported again', async () => {
    await importStackExchange([fixture(CARDANO), fixture(META)])
    const before = tableCounts()
    const again = await importStackExchange([fixture(CARDANO), fixture(META)])
    expect(tableCounts()).toEqual(before)
    expect(again.rowsWritten).toBe(0)
    for (const site of again.sites) {
      expect(site.category.created).toBe(false)
      expect(Object.values(site.added).every((n) => n === 0)).toBe(true)
    }
  })

  it('adds only the new posts from a newer dump that overlaps an earlier import', async () => {
    const full = expectedCounts(fixture(CARDANO))
    // An older dump: without the last eight questions (and their answers), and without the
    // accepted answer of one early question, which the newer dump then brings.
    const qs = [...full.posts.values()]
    const late = new Set(qs.slice(-8).map((q) => q.Id))
    const answerRows = xmlRows(fixture(CARDANO), 'Posts').filter((p) => p.PostTypeId === '2')
    const early = qs.find((q) => {
      const accepted = answerRows.find((a) => a.Id === q.AcceptedAnswerId)
      return !late.has(q.Id) && accepted && accepted.OwnerUserId !== q.OwnerUserId
    })!
    const older = copyFixture(CARDANO, (file, lines) =>
      file !== 'Posts.xml'
        ? lines
        : lines.filter((l) => {
            const id = /\sId="(\d+)"/.exec(l)?.[1]
            const parent = /\sParentId="(\d+)"/.exec(l)?.[1]
            return !(late.has(id ?? '') || late.has(parent ?? '') || id === early.AcceptedAnswerId)
          }),
    )
    await importStackExchange([older])
    const earlyId = localId(CARDANO, 'question', Number(early.Id))!
    expect(db.select().from(questions).where(eq(questions.id, earlyId)).get()!.status).not.toBe(
      'solved',
    )
    const usersBefore = tableCounts().users

    const newer = await importStackExchange([fixture(CARDANO)])
    expect(newer.sites[0].added.questions).toBe(8)
    expect(newer.sites[0].added.users).toBe(0)
    const counts = tableCounts()
    expect(counts).toMatchObject({
      questions: full.questions,
      answers: full.answers,
      users: usersBefore,
      search: full.questions,
    })
    expect(db.select().from(questions).where(eq(questions.id, earlyId)).get()!.status).toBe(
      'solved',
    )
    const solved = db
      .select({ n: count() })
      .from(questions)
      .where(eq(questions.status, 'solved'))
      .get()!.n
    expect(solved).toBe(full.accepted)
    const firstResponses = db
      .select({ n: count() })
      .from(questions)
      .where(isNotNull(questions.firstResponseAt))
      .get()!.n
    expect(firstResponses).toBe(full.responded)
  })

  it('imports people who cannot log in until they reset their password', async () => {
    await importStackExchange([fixture(CARDANO)])
    const people = xmlRows(fixture(CARDANO), 'Users')
    const imported = db.select().from(users).all()
    expect(imported).toHaveLength(people.length)
    expect(db.select({ n: count() }).from(passwords).get()!.n).toBe(0)

    const someone = people.find((u) => u.DisplayName === 'raghu')!
    const raghu = imported.find((u) => u.id === localId(CARDANO, 'user', Number(someone.Id)))!
    expect(raghu).toMatchObject({
      handle: 'raghu',
      displayName: 'raghu',
      email: `se-${someone.Id}@cardano.stackexchange.com.invalid`,
      role: 'member',
      reputation: Number(someone.Reputation),
    })
    for (const u of imported) expect(u.handle).toMatch(HANDLE_PATTERN)
    const result = await logIn(raghu.email, 'any password at all', '203.0.113.9')
    expect(result).toMatchObject({ ok: false, status: 401 })
  })

  it('maps tags to our pattern, credits deleted owners to Community, and counts the skipped comments', async () => {
    const summary = await importStackExchange([fixture(CARDANO)])
    const names = db
      .select({ name: tags.name })
      .from(tags)
      .all()
      .map((t) => t.name)
    for (const n of names) expect(n).toMatch(TAG_PATTERN)
    expect(names).toEqual(expect.arrayContaining(['c-sharp', 'metadata-json', 'plutus']))

    const orphan = db
      .select({ handle: users.handle })
      .from(questions)
      .innerJoin(users, eq(users.id, questions.authorId))
      .where(eq(questions.id, localId(CARDANO, 'question', 2568)!))
      .get()
    expect(orphan?.handle).toBe('community')
    expect(summary.sites[0].skipped.comments).toBe(xmlRows(fixture(CARDANO), 'Comments').length)
  })

  it('refuses a malformed file with its name and line, and writes nothing', async () => {
    const cut = copyFixture(CARDANO, (file, lines) =>
      file === 'Posts.xml'
        ? lines.map((l, i) => (i === 9 ? l.slice(0, l.indexOf(' Body="') + 30) : l))
        : lines,
    )
    const badDate = copyFixture(CARDANO, (file, lines) =>
      file === 'Users.xml'
        ? lines.map((l, i) =>
            i === 4 ? l.replace(/CreationDate="[^"]*"/, 'CreationDate="soon"') : l,
          )
        : lines,
    )
    await expect(importStackExchange([fixture(META), cut])).rejects.toThrow(
      new DumpFormatError(
        path.join(cut, 'Posts.xml'),
        10,
        'the value of Body is not closed before the next tag (truncated row?)',
      ),
    )
    await expect(importStackExchange([badDate])).rejects.toThrow(
      /cardano\.stackexchange\.com\/Users\.xml line 5: CreationDate "soon" is not a date \(row Id \d+\)/,
    )
    expect(tableCounts()).toEqual({
      users: 0,
      categories: 0,
      tags: 0,
      questions: 0,
      answers: 0,
      questionTags: 0,
      revisions: 0,
      events: 0,
      importedIds: 0,
      search: 0,
    })
  })

  it('makes every imported question findable by thread search, originals with their duplicates', async () => {
    await importStackExchange([fixture(CARDANO), fixture(META)])
    expect(tableCounts().search).toBe(tableCounts().questions)
    const found = sqlite
      .prepare('select rowid as id from questions_fts where questions_fts match ?')
      .all('toschema') as { id: number }[]
    expect(found.map((r) => r.id)).toEqual([localId(CARDANO, 'question', 3771)])

    const [link] = listImportedDuplicateLinks(CARDANO)
    const duplicate = db.select().from(questions).where(eq(questions.id, link.duplicateId)).get()!
    // The index keeps no text: the original is found by the duplicate's title in its `related`.
    const byRelated = sqlite
      .prepare('select rowid as id from questions_fts where questions_fts match ?')
      .all(`{related} : (${buildMatch(parseQuery(duplicate.title, currentSynonyms())).all})`) as {
      id: number
    }[]
    expect(byRelated.map((r) => r.id)).toContain(link.originalId)
  })

  it('lists the duplicate links of a site by our ids', async () => {
    await importStackExchange([fixture(META), fixture(CARDANO)])
    const expected = xmlRows(fixture(META), 'PostLinks')
      .filter((l) => l.LinkTypeId === '3')
      .map((l) => ({
        duplicateId: localId(META, 'question', Number(l.PostId))!,
        originalId: localId(META, 'question', Number(l.RelatedPostId))!,
      }))
      .filter((l) => l.duplicateId && l.originalId)
      .sort((a, b) => a.duplicateId - b.duplicateId)
    expect(expected.length).toBeGreaterThan(10)
    expect(listImportedDuplicateLinks(META)).toEqual(expected)
    expect(listImportedDuplicateLinks('nowhere.example')).toEqual([])
  })

  it("derives every question's state by the app's own rule", async () => {
    await importStackExchange([fixture(META), fixture(CARDANO)])
    const snapshot = () =>
      db
        .select({
          id: questions.id,
          status: questions.status,
          acceptedAnswerId: questions.acceptedAnswerId,
          answerCount: questions.answerCount,
          solvedAt: questions.solvedAt,
        })
        .from(questions)
        .orderBy(questions.id)
        .all()
    const imported = snapshot()
    write((tx) => {
      for (const q of imported) refreshQuestionState(tx, q.id, null)
    })
    expect(snapshot()).toEqual(imported)
    // Self-accepted answers stay answers, but do not make a question solved.
    const selfAccepted = db
      .select({ n: count() })
      .from(questions)
      .innerJoin(answers, eq(answers.questionId, questions.id))
      .where(
        and(
          eq(answers.authorId, questions.authorId),
          eq(questions.status, 'solved'),
          sql`${answers.id} = ${questions.acceptedAnswerId}`,
        ),
      )
      .get()!.n
    expect(selfAccepted).toBe(0)
  })
})
