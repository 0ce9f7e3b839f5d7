/**
 * Reaction (see reactions.server.ts): the person a moderator warned, silenced, suspended or
 * banned is told at once, in the app and by e-mail, with the reason and the end. The notice is
 * about their account, not a thread: it names no question.
 */
import type { EventType, SanctionKind } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'
import type { EmittedEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'

const KIND_OF: Partial<Record<EventType, SanctionKind>> = {
  'user.warned': 'warn',
  'user.silenced': 'silence',
  'user.suspended': 'suspend',
  'user.banned': 'ban',
}

export function notifyOfSanction(tx: Tx, e: EmittedEvent) {
  const kind = KIND_OF[e.type]
  if (!kind || !e.userId) return
  notify(tx, {
    userId: e.userId,
    type: 'moderation.sanctioned',
    actorId: e.actor?.id ?? null,
    questionId: null,
    data: {
      kind,
      reason: typeof e.data?.reason === 'string' ? e.data.reason : '',
      endsAt: typeof e.data?.endsAt === 'string' ? e.data.endsAt : null,
      ...(typeof e.data?.sanctionId === 'number' ? { sanctionId: e.data.sanctionId } : {}),
    },
  })
}
