/**
 * The auto-responder. When a public question is asked, the best match among the automatic
 * templates and the published articles of the question's language is posted at once, by the
 * system account, as an answer labelled "automatic suggestion" — if it matches well enough
 * (`AUTO_THRESHOLD`, chosen on real data: see the README and tests/bench/templates.ts).
 * An automatic answer is never a response: the question's state, its SLA clock and the
 * response-time figures ignore it. The asker says "This solved my problem" (the normal accept
 * path) or "I still need help" (`suggestion.declined`; nothing else changes).
 */
import { and, count, eq, isNull, max, sql } from 'drizzle-orm'
import {
  answers,
  automaticAnswers,
  kbArticles,
  questions,
  questionTags,
  replyTemplates,
  tags,
  users,
} from '../../../db/schema'
import { translatorFor } from '../../i18n/translator.server'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { cookMarkdown } from '../../utils/markdown.server'
import { singleton } from '../../utils/singleton.server'
import { requireVisibleAnswer } from '../answers/answers.server'
import { emit, type EmittedEvent } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { addRevision } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import type { PostLanguage } from '../search/languages'
import { Matcher, type MatchDoc } from './matcher.server'
import { articleLookup } from './templates.server'
import { SYSTEM_HANDLE } from '../users/names'
import { fillTemplate } from './variables'

/** A suggestion is posted only at or above this score (cosine, 0–1); see the README. */
export const AUTO_THRESHOLD = 0.4

export { SYSTEM_HANDLE }
const SYSTEM_EMAIL = 'assistant@tanya.invalid'

/**
 * The account automatic suggestions are posted by; made on first use. It cannot log in. Its
 * stored name and bio are English; pages and e-mails show them in the reader's language
 * (see users/names.ts).
 */
export function systemAccount(tx: Tx): { id: number; role: 'member'; displayName: string } {
  const found = tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.handle, SYSTEM_HANDLE))
    .get()
  if (found) return { ...found, role: 'member' }
  const made = tx
    .insert(users)
    .values({
      email: SYSTEM_EMAIL,
      handle: SYSTEM_HANDLE,
      displayName: 'Tanya assistant',
      role: 'member',
      bio: 'Automatic suggestions from proven replies and the knowledge base.',
    })
    .returning({ id: users.id, displayName: users.displayName })
    .get()
  return { ...made, role: 'member' }
}

type Candidate = { kind: 'template'; id: number } | { kind: 'article'; slug: string }

let cached: { version: string; byLanguage: Map<PostLanguage, Matcher<Candidate>> } | null = null

/**
 * What the candidates are now: the matchers are rebuilt only when an automatic template or a
 * published article changed (ids, times and text lengths of both, read from the tables).
 */
function candidatesVersion(): string {
  const t = db
    .select({
      n: count(),
      id: max(replyTemplates.id),
      at: max(replyTemplates.updatedAt),
      changed: max(replyTemplates.automaticChangedAt),
      size: sql<number>`total(length(${replyTemplates.bodyMd}) + ${replyTemplates.id})`,
    })
    .from(replyTemplates)
    .where(eq(replyTemplates.automatic, true))
    .get()
  const k = db
    .select({
      n: count(),
      id: max(kbArticles.id),
      at: max(kbArticles.updatedAt),
      size: sql<number>`total(length(${kbArticles.bodyMd}) + ${kbArticles.id})`,
    })
    .from(kbArticles)
    .where(eq(kbArticles.status, 'published'))
    .get()
  return JSON.stringify([t, k])
}

function matchers(): Map<PostLanguage, Matcher<Candidate>> {
  const version = candidatesVersion()
  if (cached?.version === version) return cached.byLanguage
  const docs: MatchDoc<Candidate>[] = [
    ...db
      .select()
      .from(replyTemplates)
      .where(eq(replyTemplates.automatic, true))
      .all()
      .map((t) => ({
        key: { kind: 'template' as const, id: t.id },
        title: t.title,
        tags: t.tags,
        body: t.bodyMd,
        language: t.language,
      })),
    ...db
      .select()
      .from(kbArticles)
      .where(eq(kbArticles.status, 'published'))
      .all()
      .map((a) => ({
        key: { kind: 'article' as const, slug: a.slug },
        title: a.title,
        tags: a.tags.split(/\s+/).filter(Boolean),
        body: `${a.summary}\n\n${a.bodyMd}`,
        language: a.language,
      })),
  ]
  const byLanguage = new Map<PostLanguage, Matcher<Candidate>>()
  for (const language of ['en', 'id'] as const)
    byLanguage.set(language, new Matcher(docs.filter((d) => d.language === language)))
  cached = { version, byLanguage }
  return byLanguage
}

export type AutoResponse = { answerId: number; score: number; candidate: Candidate } | null

/**
 * Posts the automatic suggestion for a new question, when one matches well enough. Private
 * questions, imported ones and closed ones get none; a question gets at most one.
 */
export async function autoRespond(questionId: number): Promise<AutoResponse> {
  const q = db.select().from(questions).where(eq(questions.id, questionId)).get()
  if (!q || q.visibility !== 'public' || q.origin !== 'live') return null
  if (q.closedAt || q.hiddenAt || q.deletedAt || q.lockedAt || q.status === 'solved') return null
  const tagNames = db
    .select({ name: tags.name })
    .from(questionTags)
    .innerJoin(tags, eq(tags.id, questionTags.tagId))
    .where(eq(questionTags.questionId, questionId))
    .all()
    .map((t) => t.name)
  const best = matchers()
    .get(q.language)
    ?.match({ title: q.title, body: q.bodyMd, tags: tagNames, language: q.language }, 1)[0]
  if (!best || best.score < AUTO_THRESHOLD) return null
  const body = suggestionBody(best.key, q)
  if (!body) return null
  const cooked = await cookMarkdown(body)
  return write((tx) => {
    const already = tx
      .select({ id: automaticAnswers.answerId })
      .from(automaticAnswers)
      .where(eq(automaticAnswers.questionId, questionId))
      .get()
    if (already) return null
    const system = systemAccount(tx)
    const a = tx
      .insert(answers)
      .values({
        questionId,
        authorId: system.id,
        bodyMd: body,
        bodyHtml: cooked.html,
        cookedVersion: cooked.version,
        language: q.language,
      })
      .returning({ id: answers.id })
      .get()
    addRevision(tx, 'answer', a.id, system.id, { bodyMd: body })
    tx.insert(automaticAnswers)
      .values({
        answerId: a.id,
        questionId,
        templateId: best.key.kind === 'template' ? best.key.id : null,
        articleSlug: best.key.kind === 'article' ? best.key.slug : null,
        score: best.score,
      })
      .run()
    tx.update(questions).set({ lastActivityAt: now() }).where(eq(questions.id, questionId)).run()
    emit(tx, {
      type: 'answer.created',
      actor: system,
      questionId,
      answerId: a.id,
      data:
        best.key.kind === 'template'
          ? { automatic: true, templateId: best.key.id, templateEdited: 0 }
          : { automatic: true, articleSlug: best.key.slug },
    })
    refreshQuestionState(tx, questionId, system)
    return { answerId: a.id, score: best.score, candidate: best.key }
  })
}

// Suggestions being written, by question: the question page waits for its own (see below).
const pending = singleton('autoResponses', () => new Map<number, Promise<AutoResponse>>())

/**
 * The ask form's call: the suggestion is matched, cooked and posted right after the response
 * is sent, so asking never waits for it. A failure is logged, never the asker's problem (a
 * person answers as if nothing had been tried).
 */
export function suggestAutomatically(questionId: number): Promise<AutoResponse> {
  const done = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => autoRespond(questionId))
    .catch((error: unknown) => {
      console.warn(`Automatic suggestion for question ${questionId} failed`, error)
      return null
    })
    .finally(() => pending.delete(questionId))
  pending.set(questionId, done)
  return done
}

/**
 * Waits (briefly) for a suggestion this process is still writing for the question, so the
 * page the asker lands on after asking shows it.
 */
export async function settleSuggestion(questionId: number, maxMs = 2000): Promise<void> {
  const writing = pending.get(questionId)
  if (!writing) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    writing,
    new Promise((resolve) => {
      timer = setTimeout(resolve, maxMs)
    }),
  ])
  clearTimeout(timer)
}

function suggestionBody(
  c: Candidate,
  q: { title: string; authorId: number; language: PostLanguage },
): string | null {
  const asker = db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, q.authorId))
    .get()
  if (c.kind === 'template') {
    const t = db.select().from(replyTemplates).where(eq(replyTemplates.id, c.id)).get()
    if (!t) return null
    return fillTemplate(t.bodyMd, {
      variables: {
        'asker.name': asker?.name,
        'question.title': q.title,
        // written into the post, so in the question's language
        'helper.name': translatorFor(q.language)('accounts.names.assistant'),
      },
      article: articleLookup(t.bodyMd),
    })
  }
  const a = db
    .select({ title: kbArticles.title, summary: kbArticles.summary })
    .from(kbArticles)
    .where(eq(kbArticles.slug, c.slug))
    .get()
  if (!a) return null
  const t = translatorFor(q.language)
  return t('replies.auto.articleBody', {
    title: a.title.replace(/([\\[\]])/g, '\\$1'),
    href: `/kb/${c.slug}`,
    summary: a.summary,
  })
}

/** "I still need help": recorded; the question waits for a person as before. */
export function declineSuggestion(actor: Actor, answerId: number) {
  const found = requireVisibleAnswer(answerId, actor)
  if (!can(actor, 'suggestion.respond', found.target)) throw new Forbidden('suggestion.respond')
  write((tx) => {
    const row = tx
      .select({ outcome: automaticAnswers.outcome })
      .from(automaticAnswers)
      .where(eq(automaticAnswers.answerId, answerId))
      .get()
    if (!row) throw new NotFound('answer')
    // said once: a second click (or a resent form) changes nothing
    if (row.outcome !== null) return
    tx.update(automaticAnswers)
      .set({ outcome: 'declined' })
      .where(and(eq(automaticAnswers.answerId, answerId), isNull(automaticAnswers.outcome)))
      .run()
    emit(tx, {
      type: 'suggestion.declined',
      actor,
      questionId: found.question.id,
      answerId,
      data: { answerId },
    })
  })
  return found.question.id
}

/** Reaction to `answer.accepted`: an automatic suggestion accepted solved its question. */
export function markSuggestionSolved(tx: Tx, e: EmittedEvent) {
  if (!e.answerId) return
  tx.update(automaticAnswers)
    .set({ outcome: 'solved' })
    .where(eq(automaticAnswers.answerId, e.answerId))
    .run()
}

export type SuggestionView = { answerId: number; outcome: 'solved' | 'declined' | null }

/** The question page: which answers are automatic suggestions, and what the asker said. */
export function getSuggestions(questionId: number): SuggestionView[] {
  return db
    .select({ answerId: automaticAnswers.answerId, outcome: automaticAnswers.outcome })
    .from(automaticAnswers)
    .where(eq(automaticAnswers.questionId, questionId))
    .all()
}
