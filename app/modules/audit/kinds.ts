/**
 * What the audit log lists, grouped as a moderator thinks of it, and how each entry is said in
 * words. Client-safe: the filters, the page and the tests share it.
 */
import type { EventType } from '../../../db/schema'
import type { MessageKey } from '../../i18n/keys'
import {
  REMOVAL_REASONS,
  REMOVAL_REASON_LABELS,
  type RemovalReason,
} from '../moderation/validation'

export const AUDIT_KINDS = {
  posts: [
    'question.edited',
    'answer.edited',
    'question.hidden',
    'question.unhidden',
    'question.deleted',
    'question.restored',
    'answer.hidden',
    'answer.unhidden',
    'answer.deleted',
    'answer.restored',
    'question.closed',
    'question.reopened',
    'question.locked',
    'question.unlocked',
    'question.recategorised',
    'question.retagged',
    'question.merged',
    'flag.decided',
    'review.claimed',
    // listed only when someone other than the asker did it (see ASKERS_OWN)
    'answer.accepted',
    'answer.unaccepted',
  ],
  people: [
    'user.warned',
    'user.silenced',
    'user.suspended',
    'user.banned',
    'user.sanction_lifted',
    'user.sanction_ended',
    'user.role_changed',
    'user.trust_locked',
    'user.deleted',
    'user.data_exported',
  ],
  // what people with a role did to their own accounts: a moderator's changed address is news
  accounts: [
    'user.password_reset',
    'user.password_changed',
    'user.email_changed',
    'user.profile_updated',
  ],
  settings: ['settings.changed', 'settings.spam_changed', 'template.automation_changed'],
  escalation: [
    'question.escalation_raised',
    'question.acknowledged',
    'question.assigned',
    'question.escalation_resolved',
    'question.made_public',
    'note.added',
    'note.deleted',
  ],
  kb: [
    'kb.article_created',
    'kb.article_edited',
    'kb.article_published',
    'kb.article_archived',
    'kb.article_reviewed',
    'kb.candidate_published',
    'kb.candidate_rejected',
  ],
} as const satisfies Record<string, readonly EventType[]>

export type AuditKind = keyof typeof AUDIT_KINDS
export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as AuditKind[]
export type AuditType = (typeof AUDIT_KINDS)[AuditKind][number]
export const AUDIT_TYPES: AuditType[] = Object.values(AUDIT_KINDS).flat()

/** The roles whose every listed action is in the log. */
export const AUDITED_ROLES = ['moderator', 'staff', 'admin'] as const

/**
 * Steps nobody in particular took that are moderation all the same: a post hidden by flags,
 * a sanction that ran out.
 */
export const SYSTEM_AUDIT_TYPES: EventType[] = [
  'question.hidden',
  'question.unhidden',
  'answer.hidden',
  'answer.unhidden',
  'question.locked',
  'question.closed',
  'user.silenced',
  'user.suspended',
  'user.sanction_ended',
  // automation switched off by the site when a template's closure rate fell
  'template.automation_changed',
]

/**
 * Steps that are an ordinary member's own business when the asker takes them (accepting an
 * answer on their question): the log lists them only when someone else did it for the asker.
 */
export const ASKERS_OWN: EventType[] = ['answer.accepted', 'answer.unaccepted']

export const KIND_LABELS: Record<AuditKind, MessageKey> = {
  posts: 'audit.kinds.posts',
  people: 'audit.kinds.people',
  settings: 'audit.kinds.settings',
  escalation: 'audit.kinds.escalation',
  kb: 'audit.kinds.kb',
  accounts: 'accounts.audit.kind',
}

export type Described = { key: MessageKey; values?: Record<string, string | number> }
type Data = Record<string, unknown>

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const list = (v: unknown) => (Array.isArray(v) ? v.map(text).join(', ') : '')
const CLOSED: Record<string, MessageKey> = {
  duplicate: 'audit.events.closedDuplicate',
  'off-topic': 'audit.events.closedOffTopic',
  'resolved-elsewhere': 'audit.events.closedResolvedElsewhere',
  'needs-details': 'audit.events.closedNeedsDetails',
}
const FLAG_DECISIONS: Record<string, MessageKey> = {
  approve: 'audit.flags.approve',
  restore: 'audit.flags.restore',
  hide: 'audit.flags.hide',
  delete: 'audit.flags.delete',
  ignore: 'audit.flags.ignore',
}
const SANCTIONS: Record<string, MessageKey> = {
  warn: 'audit.sanctions.warn',
  silence: 'audit.sanctions.silence',
  suspend: 'audit.sanctions.suspend',
  ban: 'audit.sanctions.ban',
}

/** One describer per event type the log shows: the words, and the values they take. */
export const DESCRIBERS: Record<
  AuditType,
  (data: Data, names: { category: (id: unknown) => string }) => Described
> = {
  'question.edited': () => ({ key: 'audit.events.questionEdited' }),
  'answer.edited': () => ({ key: 'audit.events.answerEdited' }),
  'question.hidden': () => ({ key: 'audit.events.questionHidden' }),
  'flag.decided': (data) => ({ key: FLAG_DECISIONS[text(data.decision)] ?? 'audit.flags.decided' }),
  'review.claimed': () => ({ key: 'audit.events.reviewClaimed' }),
  'answer.accepted': () => ({ key: 'audit.events.answerAccepted' }),
  'answer.unaccepted': (d) => ({
    key:
      d.why === 'deleted' || d.why === 'hidden'
        ? 'audit.events.answerUnacceptedRemoved'
        : d.why === 'replaced'
          ? 'audit.events.answerReplaced'
          : 'audit.events.answerUnaccepted',
  }),
  'question.unhidden': () => ({ key: 'audit.events.questionUnhidden' }),
  'question.deleted': () => ({ key: 'audit.events.questionDeleted' }),
  'question.restored': () => ({ key: 'audit.events.questionRestored' }),
  'answer.hidden': () => ({ key: 'audit.events.answerHidden' }),
  'answer.unhidden': () => ({ key: 'audit.events.answerUnhidden' }),
  'answer.deleted': () => ({ key: 'audit.events.answerDeleted' }),
  'answer.restored': () => ({ key: 'audit.events.answerRestored' }),
  'question.closed': (d) => ({
    key: CLOSED[text(d.reason)] ?? 'audit.events.closed',
    values: { original: text(d.originalId) },
  }),
  'question.reopened': () => ({ key: 'audit.events.reopened' }),
  'question.locked': () => ({ key: 'audit.events.locked' }),
  'question.unlocked': () => ({ key: 'audit.events.unlocked' }),
  'question.recategorised': (d, n) => ({
    key: 'audit.events.recategorised',
    values: { from: n.category(d.from), to: n.category(d.to) },
  }),
  'question.retagged': (d) => ({
    key: 'audit.events.retagged',
    values: { from: list(d.from), to: list(d.to) },
  }),
  'question.merged': (d) => ({
    key: 'threads.audit.merged',
    values: {
      original: text(d.originalId),
      count: Array.isArray(d.answerIds) ? d.answerIds.length : 0,
    },
  }),
  'user.warned': () => ({ key: 'audit.events.warned' }),
  'user.silenced': (d) => ({ key: 'audit.events.silenced', values: { until: text(d.endsAt) } }),
  'user.suspended': (d) => ({ key: 'audit.events.suspended', values: { until: text(d.endsAt) } }),
  'user.banned': () => ({ key: 'audit.events.banned' }),
  'user.sanction_lifted': (d) => ({
    key: 'audit.events.sanctionLifted',
    values: { sanction: text(d.kind) },
  }),
  'user.sanction_ended': (d) => ({
    key: 'audit.events.sanctionEnded',
    values: { sanction: text(d.kind) },
  }),
  'user.role_changed': (d) => ({
    key: 'audit.events.roleChanged',
    values: { from: text(d.from), to: text(d.to) },
  }),
  'user.trust_locked': (d) =>
    d.locked === null || d.locked === undefined
      ? { key: 'audit.events.trustUnlocked' }
      : { key: 'audit.events.trustLocked', values: { level: text(d.locked) } },
  'user.deleted': () => ({ key: 'audit.events.userDeleted' }),
  'user.data_exported': () => ({ key: 'accounts.audit.dataExported' }),
  'user.password_reset': () => ({ key: 'accounts.audit.passwordReset' }),
  'user.password_changed': () => ({ key: 'accounts.audit.passwordChanged' }),
  'user.email_changed': () => ({ key: 'accounts.audit.emailChanged' }),
  'user.profile_updated': () => ({ key: 'accounts.audit.profileUpdated' }),
  'settings.spam_changed': () => ({ key: 'audit.events.spamSettingsChanged' }),
  'template.automation_changed': (d) => ({
    key:
      d.on === true
        ? 'audit.events.automationOn'
        : d.why === 'rateFell'
          ? 'audit.events.automationFell'
          : 'audit.events.automationOff',
    values: { title: text(d.title) },
  }),
  'settings.changed': (d) => ({
    key: 'audit.events.settingsChanged',
    values: { key: text(d.key) },
  }),
  'question.escalation_raised': () => ({ key: 'audit.events.escalationRaised' }),
  'question.acknowledged': () => ({ key: 'audit.events.acknowledged' }),
  'question.assigned': () => ({ key: 'audit.events.assigned' }),
  'question.escalation_resolved': () => ({ key: 'audit.events.escalationResolved' }),
  'question.made_public': () => ({ key: 'audit.events.madePublic' }),
  'note.added': () => ({ key: 'audit.events.noteAdded' }),
  'note.deleted': () => ({ key: 'audit.events.noteDeleted' }),
  'kb.article_created': () => ({ key: 'audit.events.articleCreated' }),
  'kb.article_edited': () => ({ key: 'audit.events.articleEdited' }),
  'kb.article_published': () => ({ key: 'audit.events.articlePublished' }),
  'kb.article_archived': () => ({ key: 'audit.events.articleArchived' }),
  'kb.article_reviewed': () => ({ key: 'audit.events.articleReviewed' }),
  'kb.candidate_published': () => ({ key: 'audit.events.candidatePublished' }),
  'kb.candidate_rejected': () => ({ key: 'audit.events.candidateRejected' }),
}

/** The words for an entry; a type without a describer is shown by its name. */
export function describeEvent(
  type: string,
  data: Data,
  names: { category: (id: unknown) => string },
): Described | { raw: string } {
  const describer = (DESCRIBERS as Record<string, (typeof DESCRIBERS)['question.edited']>)[type]
  return describer ? describer(data, names) : { raw: type }
}

/**
 * Why, as the event recorded it: a removal's reason is one of a list (its label is translated),
 * anything else is the moderator's own words.
 */
export function reasonOf(type: string, data: Data): { label: MessageKey | null; note: string } {
  const reason = text(data.reason)
  const note = text(data.note)
  // a close reason is already in the description
  if (type === 'question.closed') return { label: null, note }
  if ((REMOVAL_REASONS as readonly string[]).includes(reason))
    return { label: REMOVAL_REASON_LABELS[reason as RemovalReason], note }
  return { label: null, note: [reason, note].filter(Boolean).join(' — ') }
}

export { SANCTIONS as SANCTION_LABELS }
