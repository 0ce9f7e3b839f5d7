/**
 * Internal notes: what staff and moderators tell each other about a thread. They live in their
 * own table and are read only here, for people the policy lets see them: no list, search index,
 * feed, notification or e-mail reads this table, and a signed-out page (the cached kind) never
 * shows them.
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import { internalNotes, users } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { cookMarkdown } from '../../utils/markdown.server'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { once } from '../submissions/submissions.server'
import { noteSchema } from './desk-validation'

/** The notes on a question, oldest first; null for anyone who may not read notes. */
export function listNotes(viewer: Actor | null, questionId: number) {
  if (!can(viewer, 'note.view', null)) return null
  return db
    .select({
      id: internalNotes.id,
      bodyHtml: internalNotes.bodyHtml,
      createdAt: internalNotes.createdAt,
      author: { id: users.id, displayName: users.displayName, handle: users.handle },
    })
    .from(internalNotes)
    .innerJoin(users, eq(users.id, internalNotes.authorId))
    .where(and(eq(internalNotes.questionId, questionId), isNull(internalNotes.deletedAt)))
    .orderBy(asc(internalNotes.createdAt), asc(internalNotes.id))
    .all()
}
export type InternalNote = NonNullable<ReturnType<typeof listNotes>>[number]

/**
 * Adds a note; `submissionKey` is the form's one-time key, so a resent form adds it once.
 * Returns the note's id.
 */
export async function addNote(
  actor: Actor,
  questionId: number,
  body: string,
  submissionKey?: string | null,
): Promise<number> {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  const target = { ...questionTarget(question), visibility: question.visibility }
  if (!can(actor, 'note.create', target)) throw new Forbidden('note.create')
  const parsed = noteSchema.safeParse({ note: body })
  if (!parsed.success)
    throw new Invalid({ note: parsed.error.issues[0]?.message ?? msg('desk.notes.required') })
  const cooked = await cookMarkdown(parsed.data.note)
  // Notes show on no page a signed-out visitor gets, so cached pages stay as they are.
  return write(
    (tx) =>
      once(tx, submissionKey, actor.id, 'note', () => {
        const note = tx
          .insert(internalNotes)
          .values({
            questionId,
            authorId: actor.id,
            bodyMd: parsed.data.note,
            bodyHtml: cooked.html,
            cookedVersion: cooked.version,
          })
          .returning({ id: internalNotes.id })
          .get()
        emit(tx, { type: 'note.added', actor, questionId, data: { noteId: note.id } })
        return note.id
      }).id,
    { pagesUnchanged: true },
  )
}

/** Removes one's own note (kept in the table, marked deleted, as every removal here is). */
export function deleteNote(actor: Actor, noteId: number, questionId?: number) {
  if (!can(actor, 'note.view', null)) throw new Forbidden('note.view')
  return write(
    (tx) => {
      const note = tx.select().from(internalNotes).where(eq(internalNotes.id, noteId)).get()
      if (!note || (questionId !== undefined && note.questionId !== questionId))
        throw new NotFound('page')
      if (note.authorId !== actor.id) throw new Forbidden('note.delete', msg('desk.notes.notYours'))
      const { changes } = tx
        .update(internalNotes)
        .set({ deletedAt: now() })
        .where(and(eq(internalNotes.id, noteId), isNull(internalNotes.deletedAt)))
        .run()
      if (changes === 0) throw new Conflict(msg('desk.notes.alreadyDeleted'))
      emit(tx, { type: 'note.deleted', actor, questionId: note.questionId, data: { noteId } })
      return note.questionId
    },
    { pagesUnchanged: true },
  )
}
