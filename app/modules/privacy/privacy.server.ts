/**
 * Private questions: asked to staff only (order numbers, personal data). Who sees them is the
 * one visibility rule (policy.ts, visibility.server.ts); this module holds the two commands
 * around them: the asker's consent to publish, and staff publishing with that consent.
 */
import { eq } from 'drizzle-orm'
import { questions } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { write } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import { getPublishConsent, PUBLISH_CONSENT_KEY } from './consent.server'

/**
 * The asker allows staff to publish their private question (`allow`), or takes that back.
 * Saying the same twice records nothing new.
 */
export function setPublishConsent(actor: Actor, questionId: number, allow: boolean) {
  const q = getVisibleQuestion(questionId, actor)
  if (!q) throw new NotFound('question')
  if (!can(actor, 'question.publish_consent', questionTarget(q)))
    throw new Forbidden('question.publish_consent')
  write((tx) => {
    const current = getPublishConsent(questionId, tx) !== null
    if (current === allow) return
    emit(tx, {
      type: 'settings.changed',
      actor,
      questionId,
      data: { key: PUBLISH_CONSENT_KEY, from: current, to: allow },
    })
  })
}

/**
 * Staff publish a private question whose asker agreed. From then on it is listed and searchable
 * like any other question; the event records when the asker agreed.
 */
export function makeQuestionPublic(actor: Actor, questionId: number) {
  const q = getVisibleQuestion(questionId, actor)
  if (!q) throw new NotFound('question')
  write((tx) => {
    const current = tx.select().from(questions).where(eq(questions.id, questionId)).get()
    if (!current) throw new NotFound('question')
    const consentAt = getPublishConsent(questionId, tx)
    const target = questionTarget(current, 0, consentAt !== null)
    if (!can(actor, 'question.make_public', target)) {
      if (current.visibility !== 'private')
        throw new Forbidden('question.make_public', msg('privacy.errors.alreadyPublic'))
      throw new Forbidden('question.make_public', msg('privacy.errors.noConsent'))
    }
    tx.update(questions)
      .set({ visibility: 'public', lastActivityAt: now() })
      .where(eq(questions.id, questionId))
      .run()
    emit(tx, {
      type: 'question.made_public',
      actor,
      questionId,
      userId: current.authorId,
      data: { consentAt: consentAt!.getTime() },
    })
    syncQuestionSearch(tx, questionId)
    // Its title now counts among its original's duplicates in search.
    if (current.duplicateOfId !== null) syncQuestionSearch(tx, current.duplicateOfId)
  })
}
