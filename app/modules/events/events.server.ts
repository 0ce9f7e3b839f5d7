/**
 * The one way the domain says "this happened". `emit` appends the event inside the caller's
 * transaction and runs the reactions subscribed to its type (notifications, reputation, the KB
 * queue…) in that same transaction, so a change and everything that follows from it commit or
 * roll back together. Commands never call those side effects themselves.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { EventSource, EventType, Role } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { prepared, touches, type Tx } from '../../utils/db.server'
import { singleton } from '../../utils/singleton.server'
import { reactions } from '../reactions.server'

/**
 * Who did it, with the role they had at that moment; null when nobody signed in did it (a
 * visitor, a job, shipped content).
 */
export type EventActor = { id: number; role: Role } | null

export type DomainEvent = {
  type: EventType
  actor: EventActor
  questionId?: number | null
  answerId?: number | null
  articleId?: number | null
  /** The account the event is about (signed in, role changed), when that is not the actor. */
  userId?: number | null
  data?: Record<string, unknown>
  /** When it happened; only imports of old history pass a time other than now. */
  at?: Date
}

export type EmittedEvent = DomainEvent & { id: number; source: EventSource; at: Date }

export type Reaction = (tx: Tx, event: EmittedEvent) => void

const sourceScope = singleton('eventSource', () => new AsyncLocalStorage<EventSource>())

/**
 * Runs `fn` with every event it emits marked as coming from `source`. An import marks its
 * events 'import' so they never count in live metrics and never trigger reactions (nobody is
 * notified of a thread from years ago); jobs mark theirs 'system'.
 */
export function withEventSource<T>(source: EventSource, fn: () => T): T {
  return sourceScope.run(source, fn)
}

// Every command appends at least one event: the one statement every write shares is compiled once.
const INSERT_EVENT = `insert into events
  (type, source, actor_id, actor_role, question_id, answer_id, article_id, user_id, data, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`

/**
 * Events that change one thread's pages and, beyond them, only what lists it (lists, counts,
 * tags, profiles) and, for up to the page cache's time, what links to it. Removals, merges and
 * everything about people, the KB or settings may change any page.
 */
const THREAD_SCOPED = /^(question|answer|vote|note|survey|suggestion)\./
const ANY_PAGE = new Set<EventType>([
  'question.merged',
  'question.deleted',
  'question.hidden',
  'answer.deleted',
  'answer.hidden',
])

/** `tx` is the caller's transaction: the event is written on its connection, inside it. */
export function emit(tx: Tx, e: DomainEvent): EmittedEvent {
  const threadScoped = e.questionId && THREAD_SCOPED.test(e.type) && !ANY_PAGE.has(e.type)
  touches(threadScoped ? e.questionId! : null)
  const source = sourceScope.getStore() ?? 'live'
  const at = e.at ?? now()
  const row = prepared(INSERT_EVENT).get(
    e.type,
    source,
    e.actor?.id ?? null,
    e.actor?.role ?? null,
    e.questionId ?? null,
    e.answerId ?? null,
    e.articleId ?? null,
    e.userId ?? null,
    e.data ? JSON.stringify(e.data) : null,
    at.getTime(),
  ) as { id: number }
  const emitted: EmittedEvent = { ...e, id: row.id, source, at }
  if (source !== 'import') for (const react of reactions()[e.type] ?? []) react(tx, emitted)
  return emitted
}
