/**
 * Escalating by hand: a helper or moderator who sees a question that needs staff (an angry
 * customer, an order problem only staff can look up) brings it to the desk before its target
 * passes, with a reason. It is the same escalation the sweep opens, at level 1.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { escalations } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { write } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { EscalationMoment, openEscalation } from './sweep.server'
import { escalateSchema } from './validation'

export function escalateByHand(actor: Actor, questionId: number, reason: unknown): number {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  const target = { ...questionTarget(question), visibility: question.visibility }
  if (!can(actor, 'question.escalate', target)) {
    if (question.closedAt) throw new Conflict(msg('escalation.errors.nothingToEscalate'))
    throw new Forbidden('question.escalate')
  }
  const parsed = escalateSchema.safeParse({ reason })
  if (!parsed.success) throw new Invalid({ reason: parsed.error.issues[0].message })
  return write((tx) => {
    const at = now()
    const moment = new EscalationMoment(at)
    const opened = openEscalation(tx, moment, {
      questionId,
      categoryId: question.categoryId,
      reason: 'manual',
      note: parsed.data.reason,
      actor,
      waitedMinutes: Math.round((at.getTime() - question.createdAt.getTime()) / 60_000),
    })
    if (!opened) throw new Conflict(msg('escalation.errors.alreadyEscalated'))
    moment.sendEmails(tx)
    return tx
      .select({ id: escalations.id })
      .from(escalations)
      .where(and(eq(escalations.questionId, questionId), isNull(escalations.resolvedAt)))
      .get()!.id
  })
}
