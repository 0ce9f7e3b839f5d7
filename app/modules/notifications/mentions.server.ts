/**
 * @mentions: `@handle` in a new question or answer tells that person, if they may see the post
 * (`notify` checks), at most MENTIONS_MAX different people per post so a list of handles is not
 * a way to mail the whole community. Handles inside code are not mentions.
 */
import { eq, inArray } from 'drizzle-orm'
import { answers, questions, users } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'
import type { EmittedEvent } from '../events/events.server'
import { notify } from './notifications.server'

export const MENTIONS_MAX = 10

/** The distinct handles a markdown text mentions, in order, at most `max`. */
export function findMentions(markdown: string, max = MENTIONS_MAX): string[] {
  const prose = markdown.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, ' ').replace(/`[^`\n]*`/g, ' ')
  const found: string[] = []
  // Not part of an e-mail address or a URL path: nothing word-like or "/" right before the @.
  for (const m of prose.matchAll(/(?<![\w@/.+-])@([a-zA-Z0-9_]{3,20})(?![\w@])/g)) {
    const handle = m[1].toLowerCase()
    if (!found.includes(handle)) found.push(handle)
    if (found.length === max) break
  }
  return found
}

function notifyMentioned(tx: Tx, e: EmittedEvent, body: string | undefined) {
  if (!body || !e.questionId) return
  const handles = findMentions(body)
  if (handles.length === 0) return
  const people = tx.select({ id: users.id }).from(users).where(inArray(users.handle, handles)).all()
  for (const p of people)
    notify(tx, {
      userId: p.id,
      type: 'mention',
      actorId: e.actor?.id ?? null,
      questionId: e.questionId,
      answerId: e.answerId ?? null,
    })
}

// Reactions (see reactions.server.ts).

export function notifyMentionedInQuestion(tx: Tx, e: EmittedEvent) {
  if (!e.questionId) return
  const q = tx
    .select({ bodyMd: questions.bodyMd })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  notifyMentioned(tx, e, q?.bodyMd)
}

export function notifyMentionedInAnswer(tx: Tx, e: EmittedEvent) {
  if (!e.answerId) return
  const a = tx
    .select({ bodyMd: answers.bodyMd })
    .from(answers)
    .where(eq(answers.id, e.answerId))
    .get()
  notifyMentioned(tx, e, a?.bodyMd)
}
