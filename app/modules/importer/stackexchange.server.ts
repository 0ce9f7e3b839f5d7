/**
 * Imports Stack Exchange data dumps: one category per site, its users, tags,
 * questions, answers, accepted answers and duplicate links, with the events and first revisions
 * the app itself would have written. Everything is read and checked first; then ONE write
 * transaction adds it all, search index included, so a bad file leaves the database untouched.
 * Re-running is safe: `imported_ids` remembers what came from where, and only new rows are added.
 */
import { performance } from 'node:perf_hooks'
import { and, eq, inArray, isNotNull, max, sql } from 'drizzle-orm'
import {
  answers,
  categories,
  importedIds,
  questionTags,
  questions,
  revisions,
  tags,
  reputationChanges,
  users,
  type QuestionStatus,
} from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from '../../utils/markdown.server'
import { emit, withEventSource, type DomainEvent } from '../events/events.server'
import { closeAsDuplicateIn } from '../questions/closing.server'
import { refreshQuestionState } from '../questions/state.server'
import { TAGS_MAX } from '../questions/validation'
import { detectLanguage } from '../search/detect-language.server'
import { syncQuestionSearch, syncQuestionsSearch } from '../search/thread-index.server'
import {
  dumpFiles,
  readSiteDump,
  type DumpAnswer,
  type DumpQuestion,
  type SiteDump,
} from './dump.server'
import { htmlToMarkdown } from './html-to-markdown.server'
import { fitTitle, normaliseTagName, siteName, siteSlug, uniqueHandle } from './names'

export { DumpFormatError } from './xml-rows'

export const IMPORT_PHASES = ['parse', 'convert', 'write', 'index'] as const
export type ImportPhase = (typeof IMPORT_PHASES)[number]
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void

export type ImportOptions = {
  onProgress?: ImportProgress
  /**
   * Derive each question's state with the app's own `refreshQuestionState` and index it with
   * `syncQuestionSearch`, one question at a time, instead of the bulk equivalent. Same result,
   * slower; kept so the benchmark can compare the two.
   */
  perQuestion?: boolean
}

export type SiteSummary = {
  source: string
  category: { slug: string; name: string; created: boolean }
  read: {
    rows: number
    users: number
    tags: number
    questions: number
    answers: number
    links: number
    comments: number
  }
  added: {
    users: number
    tags: number
    questions: number
    answers: number
    accepted: number
    duplicates: number
    questionTags: number
    revisions: number
    events: number
    importedIds: number
    searchRows: number
  }
  skipped: {
    /** We have no comments: kept out rather than pasted into someone else's post. */
    comments: number
    /** Tag wikis, election nominations and other post types. */
    otherPosts: number
    /** Answers whose question is not in the dump. */
    orphanAnswers: number
    /** Accepted by their own asker: our rule (an answer of the asker is not a response) does not count that as solved. */
    selfAccepted: number
    /** Tags with nothing usable once normalised, or beyond five on a question. */
    tagsDropped: number
    /** Closed on the site for a reason the dump does not say (not as a duplicate). */
    closedNotDuplicate: number
    titlesShortened: number
  }
}

export type ImportSummary = {
  sites: SiteSummary[]
  seconds: Record<ImportPhase | 'total', number>
  rowsRead: number
  rowsWritten: number
}

const COMMUNITY = -1
const CHUNK = 500

type Kind = 'user' | 'question' | 'answer' | 'tag'
type Known = Record<Kind, Map<number, number>>
type Cooked = { md: string; html: string }
const postKey = (site: string, kind: 'question' | 'answer', id: number) => `${site}/${kind}/${id}`

function loadKnown(tx: Tx | typeof db, source: string): Known {
  const known: Known = { user: new Map(), question: new Map(), answer: new Map(), tag: new Map() }
  const rows = tx
    .select({ kind: importedIds.kind, ext: importedIds.externalId, local: importedIds.localId })
    .from(importedIds)
    .where(eq(importedIds.source, source))
    .all()
  for (const r of rows) known[r.kind].set(r.ext, r.local)
  return known
}

function cook(bodyHtml: string): Cooked {
  const md = htmlToMarkdown(bodyHtml)
  return { md, html: renderMarkdown(md) }
}

/** Imports one or more dump folders; see the module comment. Throws DumpFormatError on bad input. */
export async function importStackExchange(
  folders: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const progress = options.onProgress ?? (() => {})
  const started = performance.now()
  const seconds: ImportSummary['seconds'] = { parse: 0, convert: 0, write: 0, index: 0, total: 0 }

  // 1. Parse and check every file of every folder before anything is written.
  const totalBytes = folders.flatMap(dumpFiles).reduce((n, f) => n + f.bytes, 0)
  let bytesRead = 0
  const dumps: SiteDump[] = []
  for (const folder of folders)
    dumps.push(await readSiteDump(folder, (n) => progress('parse', (bytesRead += n), totalBytes)))
  progress('parse', totalBytes, totalBytes)
  seconds.parse = (performance.now() - started) / 1000

  // 2. Convert the posts not imported yet, outside the write lock: it is the slow part.
  const convertStarted = performance.now()
  const cooked = new Map<string, Cooked>()
  const pending: { key: string; bodyHtml: string }[] = []
  for (const { site, questions: qs, answers: as } of dumps) {
    const known = loadKnown(db, site)
    for (const q of qs)
      if (!known.question.has(q.id))
        pending.push({ key: postKey(site, 'question', q.id), bodyHtml: q.bodyHtml })
    for (const a of as)
      if (!known.answer.has(a.id))
        pending.push({ key: postKey(site, 'answer', a.id), bodyHtml: a.bodyHtml })
  }
  pending.forEach((p, i) => {
    cooked.set(p.key, cook(p.bodyHtml))
    if (i % 50 === 0) progress('convert', i, pending.length)
  })
  progress('convert', pending.length, pending.length)
  seconds.convert = (performance.now() - convertStarted) / 1000

  // 3. One transaction for everything, the search index included.
  const writeStarted = performance.now()
  let indexSeconds = 0
  // Imported history is marked as such: it never counts in live metrics or notifies anyone.
  const sites = withEventSource('import', () =>
    write((tx) =>
      dumps.map((dump) => {
        const site = new SiteImport(tx, dump, cooked, progress, options.perQuestion ?? false)
        const summary = site.run()
        indexSeconds += site.indexSeconds
        return summary
      }),
    ),
  )
  seconds.index = indexSeconds
  seconds.write = (performance.now() - writeStarted) / 1000 - indexSeconds
  seconds.total = (performance.now() - started) / 1000

  const rowsWritten = sites.reduce(
    (n, s) =>
      n +
      s.added.users +
      s.added.tags +
      (s.category.created ? 1 : 0) +
      s.added.questions +
      s.added.answers +
      s.added.questionTags +
      s.added.revisions +
      s.added.events +
      s.added.importedIds +
      s.added.searchRows,
    0,
  )
  return { sites, seconds, rowsRead: dumps.reduce((n, d) => n + d.rows, 0), rowsWritten }
}

type RevisionRow = typeof revisions.$inferInsert

/** Row-at-a-time writes, prepared once: building and preparing each query costs more than running it. */
function prepareStatements(tx: Tx) {
  const p = sql.placeholder
  return {
    insertUser: tx
      .insert(users)
      .values({
        email: p('email'),
        handle: p('handle'),
        displayName: p('displayName'),
        role: 'member',
        reputation: p('reputation'),
        createdAt: p('createdAt'),
      })
      .returning({ id: users.id })
      .prepare(),
    // The reputation an account brings has no events behind it: one ledger row says so.
    insertReputation: tx
      .insert(reputationChanges)
      .values({
        userId: p('userId'),
        amount: p('amount'),
        reason: 'imported',
        createdAt: p('createdAt'),
      })
      .prepare(),
    insertQuestion: tx
      .insert(questions)
      .values({
        authorId: p('authorId'),
        categoryId: p('categoryId'),
        title: p('title'),
        bodyMd: p('bodyMd'),
        bodyHtml: p('bodyHtml'),
        cookedVersion: MARKDOWN_RENDERER_VERSION,
        language: sql`${p('language')}`,
        status: 'open',
        origin: 'import',
        score: p('score'),
        viewCount: p('viewCount'),
        createdAt: p('createdAt'),
        updatedAt: p('updatedAt'),
        lastActivityAt: p('lastActivityAt'),
      })
      .returning({ id: questions.id })
      .prepare(),
    insertAnswer: tx
      .insert(answers)
      .values({
        questionId: p('questionId'),
        authorId: p('authorId'),
        bodyMd: p('bodyMd'),
        bodyHtml: p('bodyHtml'),
        cookedVersion: MARKDOWN_RENDERER_VERSION,
        language: sql`${p('language')}`,
        score: p('score'),
        createdAt: p('createdAt'),
        updatedAt: p('updatedAt'),
      })
      .returning({ id: answers.id })
      .prepare(),
    updateState: tx
      .update(questions)
      .set({
        // A placeholder in sql`` reaches the driver as given: times go in as epoch milliseconds.
        status: sql`${p('status')}`,
        acceptedAnswerId: sql`${p('acceptedAnswerId')}`,
        answerCount: sql`${p('answerCount')}`,
        solvedAt: sql`${p('solvedAtMs')}`,
        firstResponseAt: sql`${p('firstResponseAtMs')}`,
      })
      .where(eq(questions.id, p('id')))
      .prepare(),
  }
}

/** The write phase of one site, inside the caller's transaction. */
class SiteImport {
  indexSeconds = 0
  private readonly source: string
  private readonly known: Known
  private readonly summary: SiteSummary
  private readonly newIds: { kind: Kind; ext: number; local: number }[] = []
  private readonly revisionRows: RevisionRow[] = []
  private readonly tagRows: { questionId: number; tagId: number }[] = []
  private readonly newQuestions = new Set<number>()
  private readonly newAnswers = new Set<number>()
  /** Questions whose state (answers, acceptance) may have changed: recomputed at the end. */
  private readonly touched = new Set<number>()
  /** Questions whose search document may have changed. */
  private readonly reindex = new Set<number>()
  private readonly answerTimes = new Map<number, { authorId: number; createdAt: Date }>()
  private readonly dumpUserIds: Set<number>
  private readonly statements: ReturnType<typeof prepareStatements>
  private readonly closesAsDuplicate: Set<number>
  private done = 0
  private readonly total: number

  constructor(
    private readonly tx: Tx,
    private readonly dump: SiteDump,
    private readonly cooked: Map<string, Cooked>,
    private readonly progress: ImportProgress,
    private readonly perQuestion: boolean,
  ) {
    this.source = dump.site
    this.known = loadKnown(tx, this.source)
    this.statements = prepareStatements(tx)
    this.dumpUserIds = new Set(dump.users.map((u) => u.id))
    this.closesAsDuplicate = new Set(dump.links.filter((l) => l.typeId === 3).map((l) => l.postId))
    this.total = dump.users.length + dump.questions.length + dump.answers.length + 1
    this.summary = {
      source: this.source,
      category: { slug: siteSlug(this.source), name: siteName(this.source), created: false },
      read: {
        rows: dump.rows,
        users: dump.users.length,
        tags: dump.tags.length,
        questions: dump.questions.length,
        answers: dump.answers.length,
        links: dump.links.length,
        comments: dump.comments,
      },
      added: {
        users: 0,
        tags: 0,
        questions: 0,
        answers: 0,
        accepted: 0,
        duplicates: 0,
        questionTags: 0,
        revisions: 0,
        events: 0,
        importedIds: 0,
        searchRows: 0,
      },
      skipped: {
        comments: dump.comments,
        otherPosts: dump.otherPosts,
        orphanAnswers: 0,
        selfAccepted: 0,
        tagsDropped: 0,
        closedNotDuplicate: 0,
        titlesShortened: 0,
      },
    }
  }

  run(): SiteSummary {
    const categoryId = this.ensureCategory()
    this.importUsers()
    const tagIds = this.importTags()
    this.importQuestions(categoryId, tagIds)
    this.importAnswers()
    this.importAcceptedAnswers()
    this.importDuplicates()
    this.flush()
    this.progress('write', this.total, this.total)

    const indexStarted = performance.now()
    this.refreshStates()
    this.flush()
    this.indexSeconds = (performance.now() - indexStarted) / 1000
    return this.summary
  }

  private tick(n = 1) {
    this.done += n
    if (this.done % 100 === 0) this.progress('write', this.done, this.total)
  }

  /** Imported accounts are members; the event names the site its history came from. */
  private event(e: Omit<DomainEvent, 'actor'> & { actorId: number | null }) {
    const { actorId, ...rest } = e
    emit(this.tx, {
      ...rest,
      actor: actorId === null ? null : { id: actorId, role: 'member' },
      data: { ...e.data, site: this.source },
    })
    this.summary.added.events++
  }

  private remember(kind: Kind, ext: number, local: number) {
    this.known[kind].set(ext, local)
    this.newIds.push({ kind, ext, local })
  }

  /** Writes the buffered many-row inserts in chunks (SQLite caps bound variables). */
  private flush() {
    const tx = this.tx
    for (let i = 0; i < this.tagRows.length; i += CHUNK)
      tx.insert(questionTags)
        .values(this.tagRows.slice(i, i + CHUNK))
        .run()
    for (let i = 0; i < this.revisionRows.length; i += CHUNK)
      tx.insert(revisions)
        .values(this.revisionRows.slice(i, i + CHUNK))
        .run()
    for (let i = 0; i < this.newIds.length; i += CHUNK)
      tx.insert(importedIds)
        .values(
          this.newIds.slice(i, i + CHUNK).map((r) => ({
            source: this.source,
            kind: r.kind,
            externalId: r.ext,
            localId: r.local,
          })),
        )
        .run()
    const added = this.summary.added
    added.questionTags += this.tagRows.length
    added.revisions += this.revisionRows.length
    added.importedIds += this.newIds.length
    this.tagRows.length = 0
    this.revisionRows.length = 0
    this.newIds.length = 0
  }

  private ensureCategory(): number {
    const { slug, name } = this.summary.category
    const existing = this.tx
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, slug))
      .get()
    if (existing) return existing.id
    const position =
      (this.tx
        .select({ p: max(categories.position) })
        .from(categories)
        .get()?.p ?? 0) + 1
    const row = this.tx
      .insert(categories)
      .values({
        slug,
        name,
        position,
        description: `Questions and answers imported from ${this.source}, written by its community and shared under CC BY-SA; each post links back to its original.`,
      })
      .returning({ id: categories.id })
      .get()
    this.summary.category.created = true
    return row.id
  }

  /** The dump's user id a post is credited to: its owner, or Community when that is gone. */
  private ownerOf(post: { ownerUserId: number | null }): number {
    if (post.ownerUserId === null) return COMMUNITY
    if (this.dump.files.includes('Users') && !this.dumpUserIds.has(post.ownerUserId))
      return COMMUNITY
    return post.ownerUserId
  }

  private importUsers() {
    const tx = this.tx
    const taken = new Set(
      tx
        .select({ handle: users.handle })
        .from(users)
        .all()
        .map((u) => u.handle),
    )
    type NewUser = { id: number; displayName: string; reputation: number; createdAt: Date }
    const wanted: NewUser[] = []
    for (const u of this.dump.users) if (!this.known.user.has(u.id)) wanted.push(u)
    // Owners that Users.xml does not describe (or that have no Users.xml at all), and the
    // Community placeholder for posts whose owner is missing or deleted.
    const described = new Set(this.dump.users.map((u) => u.id))
    const extra = new Map<number, NewUser>()
    const newPosts = [
      ...this.dump.questions.filter((q) => !this.known.question.has(q.id)),
      ...this.dump.answers.filter((a) => !this.known.answer.has(a.id)),
    ]
    for (const p of newPosts) {
      const id = this.ownerOf(p)
      if (described.has(id) || this.known.user.has(id)) continue
      const seen = extra.get(id)
      if (!seen)
        extra.set(id, {
          id,
          displayName: id === COMMUNITY ? 'Community' : p.ownerDisplayName?.trim() || `User ${id}`,
          reputation: 1,
          createdAt: p.createdAt,
        })
      else if (p.createdAt < seen.createdAt) seen.createdAt = p.createdAt
    }
    wanted.push(...extra.values())

    for (const u of wanted) {
      const displayName = (u.displayName.trim() || `User ${u.id}`).slice(0, 50)
      const local = this.statements.insertUser.get({
        email: `se-${u.id < 0 ? 'community' : u.id}@${this.source}.invalid`.toLowerCase(),
        handle: uniqueHandle(displayName, `user_${Math.abs(u.id)}`, taken),
        displayName,
        reputation: Math.max(0, u.reputation),
        createdAt: u.createdAt,
      })!
      if (u.reputation > 0)
        this.statements.insertReputation.run({
          userId: local.id,
          amount: Math.max(0, u.reputation),
          createdAt: u.createdAt,
        })
      // No passwords row: an imported account cannot log in until it resets its password.
      this.remember('user', u.id, local.id)
      this.summary.added.users++
      this.tick()
    }
  }

  /** Our tag id per normalised name, creating the missing ones. */
  private importTags(): Map<string, number> {
    const tx = this.tx
    const names = new Set<string>()
    const fromTagsFile: { ext: number; name: string }[] = []
    for (const t of this.dump.tags) {
      const name = normaliseTagName(t.name)
      if (!name) {
        this.summary.skipped.tagsDropped++
        continue
      }
      names.add(name)
      if (!this.known.tag.has(t.id)) fromTagsFile.push({ ext: t.id, name })
    }
    for (const q of this.dump.questions) {
      if (this.known.question.has(q.id)) continue
      for (const raw of q.tags) {
        const name = normaliseTagName(raw)
        if (name) names.add(name)
      }
    }
    const ids = new Map<string, number>()
    const list = [...names]
    for (let i = 0; i < list.length; i += CHUNK)
      for (const t of tx
        .select({ id: tags.id, name: tags.name })
        .from(tags)
        .where(inArray(tags.name, list.slice(i, i + CHUNK)))
        .all())
        ids.set(t.name, t.id)
    for (const name of list) {
      if (ids.has(name)) continue
      const row = tx
        .insert(tags)
        .values({ name, createdById: null, createdAt: now() })
        .returning({ id: tags.id })
        .get()
      ids.set(name, row.id)
      this.summary.added.tags++
    }
    for (const t of fromTagsFile) this.remember('tag', t.ext, ids.get(t.name)!)
    return ids
  }

  private cookedFor(kind: 'question' | 'answer', post: { id: number; bodyHtml: string }) {
    // Converted before the transaction; a post that turned up since is converted here.
    return this.cooked.get(postKey(this.source, kind, post.id)) ?? cook(post.bodyHtml)
  }

  private originUrl(kind: 'q' | 'a', id: number) {
    return `https://${this.source}/${kind}/${id}`
  }

  private importQuestions(categoryId: number, tagIds: Map<string, number>) {
    for (const q of this.dump.questions) {
      if (this.known.question.has(q.id)) continue
      const authorId = this.known.user.get(this.ownerOf(q))!
      const { md, html } = this.cookedFor('question', q)
      const title = fitTitle(q.title)
      if (title !== q.title.replace(/\s+/g, ' ').trim()) this.summary.skipped.titlesShortened++
      const names = [
        ...new Set(q.tags.map(normaliseTagName).filter((n): n is string => n !== null)),
      ]
      this.summary.skipped.tagsDropped += q.tags.length - Math.min(names.length, TAGS_MAX)
      const kept = names.slice(0, TAGS_MAX)
      const row = this.statements.insertQuestion.get({
        authorId,
        categoryId,
        title,
        bodyMd: md,
        bodyHtml: html,
        language: detectLanguage(`${title}\n${md}`),
        score: q.score,
        viewCount: Math.max(0, q.viewCount),
        createdAt: q.createdAt,
        updatedAt: q.editedAt ?? q.createdAt,
        lastActivityAt: q.lastActivityAt ?? q.editedAt ?? q.createdAt,
      })!
      for (const name of kept) this.tagRows.push({ questionId: row.id, tagId: tagIds.get(name)! })
      this.revisionRows.push({
        postType: 'question',
        postId: row.id,
        number: 1,
        authorId,
        title,
        tags: kept.join(' '),
        bodyMd: md,
        comment: this.revisionComment('q', q),
        createdAt: q.createdAt,
      })
      this.event({
        type: 'question.created',
        actorId: authorId,
        questionId: row.id,
        at: q.createdAt,
        data: { externalId: q.id },
      })
      if (q.closedAt && !this.closesAsDuplicate.has(q.id)) this.summary.skipped.closedNotDuplicate++
      this.remember('question', q.id, row.id)
      this.newQuestions.add(row.id)
      this.touched.add(row.id)
      this.summary.added.questions++
      this.tick()
    }
  }

  private revisionComment(kind: 'q' | 'a', post: DumpQuestion | DumpAnswer) {
    const license = post.license ? ` (${post.license})` : ' (CC BY-SA)'
    return `Imported from ${this.originUrl(kind, post.id)}${license}`
  }

  private importAnswers() {
    for (const a of this.dump.answers) {
      if (this.known.answer.has(a.id)) continue
      const questionId = this.known.question.get(a.questionId)
      if (questionId === undefined) {
        this.summary.skipped.orphanAnswers++
        this.tick()
        continue
      }
      const authorId = this.known.user.get(this.ownerOf(a))!
      const { md, html } = this.cookedFor('answer', a)
      const row = this.statements.insertAnswer.get({
        questionId,
        authorId,
        bodyMd: md,
        bodyHtml: html,
        language: detectLanguage(md),
        score: a.score,
        createdAt: a.createdAt,
        updatedAt: a.editedAt ?? a.createdAt,
      })!
      this.revisionRows.push({
        postType: 'answer',
        postId: row.id,
        number: 1,
        authorId,
        bodyMd: md,
        comment: this.revisionComment('a', a),
        createdAt: a.createdAt,
      })
      this.event({
        type: 'answer.created',
        actorId: authorId,
        questionId,
        answerId: row.id,
        at: a.createdAt,
        data: { externalId: a.id },
      })
      this.answerTimes.set(row.id, { authorId, createdAt: a.createdAt })
      // A new answer to a question imported earlier is activity on that question.
      if (!this.newQuestions.has(questionId))
        this.tx
          .update(questions)
          .set({ lastActivityAt: sql`max(${questions.lastActivityAt}, ${a.createdAt.getTime()})` })
          .where(eq(questions.id, questionId))
          .run()
      this.remember('answer', a.id, row.id)
      this.newAnswers.add(row.id)
      this.touched.add(questionId)
      this.summary.added.answers++
      this.tick()
    }
  }

  /**
   * The dump says which answer was accepted but not when; we date the acceptance at the
   * accepted answer's creation, the earliest it can have happened.
   */
  private importAcceptedAnswers() {
    const tx = this.tx
    for (const q of this.dump.questions) {
      if (q.acceptedAnswerId === null) continue
      const questionId = this.known.question.get(q.id)
      const answerId = this.known.answer.get(q.acceptedAnswerId)
      if (questionId === undefined || answerId === undefined) continue
      // Pairs from an earlier run were settled then (and may have been changed since).
      if (!this.newQuestions.has(questionId) && !this.newAnswers.has(answerId)) continue
      const current = this.newQuestions.has(questionId)
        ? { acceptedAnswerId: null, authorId: this.known.user.get(this.ownerOf(q))! }
        : tx
            .select({ acceptedAnswerId: questions.acceptedAnswerId, authorId: questions.authorId })
            .from(questions)
            .where(eq(questions.id, questionId))
            .get()
      if (!current || current.acceptedAnswerId !== null) continue
      const answer =
        this.answerTimes.get(answerId) ??
        tx
          .select({ authorId: answers.authorId, createdAt: answers.createdAt })
          .from(answers)
          .where(eq(answers.id, answerId))
          .get()
      if (!answer || answer.authorId === current.authorId) {
        this.summary.skipped.selfAccepted++
        continue
      }
      tx.update(questions)
        .set({ acceptedAnswerId: answerId, solvedAt: answer.createdAt })
        .where(eq(questions.id, questionId))
        .run()
      this.event({
        type: 'answer.accepted',
        actorId: current.authorId,
        questionId,
        answerId,
        userId: answer.authorId,
        at: answer.createdAt,
      })
      this.touched.add(questionId)
      this.summary.added.accepted++
    }
  }

  /**
   * Duplicate links (LinkTypeId 3) between two imported questions, kept as the site had them
   * (a chain stays a chain: that is how each was closed at the time). A question linked as a
   * duplicate of several takes the earliest link.
   */
  private importDuplicates() {
    const tx = this.tx
    const byId = new Map(this.dump.questions.map((q) => [q.id, q]))
    const links = this.dump.links.filter((l) => l.typeId === 3).sort((a, b) => a.id - b.id)
    const closed = new Set<number>()
    for (const link of links) {
      const duplicateId = this.known.question.get(link.postId)
      const originalId = this.known.question.get(link.relatedPostId)
      if (duplicateId === undefined || originalId === undefined || duplicateId === originalId)
        continue
      if (closed.has(duplicateId)) continue
      if (!this.newQuestions.has(duplicateId) && !this.newQuestions.has(originalId)) continue
      const current = tx
        .select({ closedReason: questions.closedReason })
        .from(questions)
        .where(eq(questions.id, duplicateId))
        .get()
      if (!current || current.closedReason !== null) continue
      const closedAt = byId.get(link.postId)?.closedAt ?? link.createdAt
      closeAsDuplicateIn(tx, { questionId: duplicateId, originalId, actor: null, at: closedAt })
      this.summary.added.events++
      closed.add(duplicateId)
      this.reindex.add(duplicateId)
      this.reindex.add(originalId)
      this.summary.added.duplicates++
    }
  }

  /**
   * Answer counts, first responses, acceptance and status of every question this import
   * touched, by the rule of refreshQuestionState: solved when its accepted answer
   * is visible and not the asker's own, answered when someone other than the asker answered,
   * open otherwise. Computed for all of them from two queries, then the search index.
   */
  private refreshStates() {
    const tx = this.tx
    const ids = [...this.touched]
    const idList = JSON.stringify(ids)
    const qs = tx
      .select({
        id: questions.id,
        authorId: questions.authorId,
        acceptedAnswerId: questions.acceptedAnswerId,
        solvedAt: questions.solvedAt,
        firstResponseAt: questions.firstResponseAt,
        createdAt: questions.createdAt,
      })
      .from(questions)
      .where(sql`${questions.id} in (select value from json_each(${idList}))`)
      .all()
    const visible = tx
      .select({
        id: answers.id,
        questionId: answers.questionId,
        authorId: answers.authorId,
        createdAt: answers.createdAt,
      })
      .from(answers)
      .where(
        and(
          sql`${answers.questionId} in (select value from json_each(${idList}))`,
          sql`${answers.deletedAt} is null and ${answers.hiddenAt} is null`,
        ),
      )
      .all()
    const byQuestion = new Map<number, typeof visible>()
    for (const a of visible) {
      const list = byQuestion.get(a.questionId) ?? []
      list.push(a)
      byQuestion.set(a.questionId, list)
    }

    let done = 0
    for (const q of qs) {
      const list = byQuestion.get(q.id) ?? []
      const responses = list.filter((a) => a.authorId !== q.authorId)
      // First response, as refreshQuestionState derives it: the earliest answer of another person.
      let firstResponseAt = q.firstResponseAt
      if (firstResponseAt === null && responses.length > 0)
        firstResponseAt = responses.reduce((a, b) => (b.createdAt < a.createdAt ? b : a)).createdAt
      if (this.perQuestion) {
        refreshQuestionState(tx, q.id, null)
      } else {
        const accepted =
          q.acceptedAnswerId === null
            ? undefined
            : responses.find((a) => a.id === q.acceptedAnswerId)
        const status: QuestionStatus = accepted
          ? 'solved'
          : responses.length > 0
            ? 'answered'
            : 'open'
        this.statements.updateState.run({
          id: q.id,
          status,
          acceptedAnswerId: accepted?.id ?? null,
          answerCount: list.length,
          solvedAtMs: accepted ? (q.solvedAt ?? accepted.createdAt).getTime() : null,
          firstResponseAtMs: firstResponseAt?.getTime() ?? null,
        })
      }
      if (++done % 100 === 0) this.progress('index', done, qs.length)
    }

    const reindex = [...new Set([...ids, ...this.reindex])]
    if (this.perQuestion) {
      // refreshQuestionState indexed the touched questions; the originals of duplicates remain.
      for (const id of this.reindex) if (!this.touched.has(id)) syncQuestionSearch(tx, id)
    } else {
      syncQuestionsSearch(tx, reindex)
    }
    this.summary.added.searchRows += this.newQuestions.size
    this.progress('index', qs.length, qs.length)
  }
}

export type DuplicateLink = { duplicateId: number; originalId: number }

/** Questions of an imported site closed as duplicates, and their originals (our ids). */
export function listImportedDuplicateLinks(source: string): DuplicateLink[] {
  return db
    .select({ duplicateId: questions.id, originalId: questions.duplicateOfId })
    .from(questions)
    .innerJoin(
      importedIds,
      and(
        eq(importedIds.localId, questions.id),
        eq(importedIds.kind, 'question'),
        eq(importedIds.source, source),
      ),
    )
    .where(and(eq(questions.closedReason, 'duplicate'), isNotNull(questions.duplicateOfId)))
    .orderBy(questions.id)
    .all()
    .map((r) => ({ duplicateId: r.duplicateId, originalId: r.originalId! }))
}
