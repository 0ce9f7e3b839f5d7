/**
 * The one answer to "may this user do X to Y". Client-safe: routes, domain modules and
 * components all call `can`, so a button is shown exactly when its action would succeed.
 */
import type { Role } from '../../../db/schema'
import {
  CLOSE_LEVEL,
  EDIT_OTHERS_LEVEL,
  IMAGES_FROM_LEVEL,
  LINKS_PER_POST,
  TAG_CREATE_LEVEL,
  clampLevel,
} from '../trust/levels'

/**
 * Who acts. `readOnly` is set while a moderator has silenced the account: it may read and
 * remove its own posts, but write nothing new and moderate nothing (see READ_ONLY_BLOCKS).
 */
export type Actor = {
  id: number
  role: Role
  reputation: number
  readOnly?: boolean
  /** Trust level 0–4 (see modules/trust/levels.ts); absent counts as 0. */
  trust?: number
}

/** What a post carries that trust limits: links and images (see `countLinks`). */
export type PostContent = { links: number; images: number }

/** A person a moderator may act on. */
export type PersonTarget = { id: number; role: Role }

export type PostState = {
  authorId: number
  hiddenAt?: Date | string | null
  deletedAt?: Date | string | null
  /** Questions only: a private question is seen by its asker and staff. */
  visibility?: 'public' | 'private'
}

export type QuestionTarget = PostState & {
  closedAt?: Date | string | null
  lockedAt?: Date | string | null
  /** Answers by people other than the asker; an asker may not delete a thread others answered. */
  othersAnswerCount?: number
  /** Private questions: the asker has allowed staff to publish it. */
  publishConsent?: boolean
  /** Solved long enough ago that the thread takes no new answers (a site setting says when). */
  answersClosed?: boolean
}

export type AnswerTarget = PostState & {
  question: QuestionTarget
  isAccepted: boolean
}

/** A reply template as the policy judges it. */
export type TemplateTarget = { visibility: 'public' | 'staff' }

export type Checks = {
  'question.view': QuestionTarget
  'question.create': null
  'question.edit': QuestionTarget
  'question.delete': QuestionTarget
  'question.vote': QuestionTarget
  'question.close': QuestionTarget
  'question.reopen': QuestionTarget
  'question.hide': QuestionTarget
  'question.unhide': QuestionTarget
  'question.restore': QuestionTarget
  'answer.view': AnswerTarget
  'answer.create': QuestionTarget
  'answer.edit': AnswerTarget
  'answer.delete': AnswerTarget
  'answer.vote': AnswerTarget
  'answer.accept': AnswerTarget
  'answer.hide': AnswerTarget
  'answer.unhide': AnswerTarget
  'answer.restore': AnswerTarget
  'tag.create': null
  'user.manage': null
  'kb.manage': null
  'kb.settings': null
  'search.settings': null
  'search.use': null
  'question.escalate': QuestionTarget
  'question.make_public': QuestionTarget
  'question.publish_consent': QuestionTarget
  'desk.view': null
  'escalation.manage': null
  'note.view': null
  'note.create': QuestionTarget
  'queue.view': null
  'sla.settings': null
  'rota.manage': null
  'outbox.view': null
  'account.notifications': null
  'user.sanction': PersonTarget
  'question.flag': QuestionTarget
  'answer.flag': AnswerTarget
  'review.view': null
  'review.decide': null
  'audit.view': null
  'question.lock': QuestionTarget
  'question.unlock': QuestionTarget
  'question.move': QuestionTarget
  'question.retag': QuestionTarget
  'account.settings': null
  'profile.edit': null
  'user.role': PersonTarget
  'question.merge': QuestionTarget
  'template.manage': null
  'template.use': TemplateTarget
  'suggestion.respond': AnswerTarget
  'post.links': PostContent
  'user.trust': PersonTarget
  'user.helper': PersonTarget
  'spam.settings': null
  'survey.answer': QuestionTarget
  'dashboard.view': null
  'dashboard.settings': null
}

export type Action = keyof Checks
export const ACTIONS = [
  'question.view',
  'question.create',
  'question.edit',
  'question.delete',
  'question.vote',
  'question.close',
  'question.reopen',
  'question.hide',
  'question.unhide',
  'question.restore',
  'answer.view',
  'answer.create',
  'answer.edit',
  'answer.delete',
  'answer.vote',
  'answer.accept',
  'answer.hide',
  'answer.unhide',
  'answer.restore',
  'tag.create',
  'user.manage',
  'kb.manage',
  'kb.settings',
  'search.settings',
  'search.use',
  'question.escalate',
  'question.make_public',
  'question.publish_consent',
  'desk.view',
  'escalation.manage',
  'note.view',
  'note.create',
  'queue.view',
  'sla.settings',
  'rota.manage',
  'outbox.view',
  'account.notifications',
  'user.sanction',
  'question.flag',
  'answer.flag',
  'review.view',
  'review.decide',
  'audit.view',
  'question.lock',
  'question.unlock',
  'question.move',
  'question.retag',
  'account.settings',
  'profile.edit',
  'user.role',
  'question.merge',
  'template.manage',
  'template.use',
  'suggestion.respond',
  'post.links',
  'user.trust',
  'user.helper',
  'spam.settings',
  'survey.answer',
  'dashboard.view',
  'dashboard.settings',
] as const satisfies readonly Action[]

const RANK: Record<Role, number> = { member: 0, helper: 1, moderator: 2, staff: 3, admin: 4 }

/** Reputation at which a member is trusted to create tags, like a helper. */
export const TAG_CREATE_REPUTATION = 100

export function atLeast(actor: Actor | null, role: Role): boolean {
  return actor !== null && RANK[actor.role] >= RANK[role]
}

const isModerator = (actor: Actor | null) => atLeast(actor, 'moderator')
/** A moderator who may act as one now: silence makes a moderator read-only like anyone else. */
const moderates = (actor: Actor | null) => isModerator(actor) && !actor?.readOnly
/** Whether the actor has reached trust `level` (a role's rights come on top, rule by rule). */
const trusted = (actor: Actor | null, level: number) =>
  actor !== null && clampLevel(actor.trust ?? 0) >= level
const owns = (actor: Actor | null, post: PostState) => actor !== null && actor.id === post.authorId
/** A private question is for its asker and staff; anyone may open a public one. */
const mayOpenPrivate = (actor: Actor | null, post: PostState) =>
  post.visibility !== 'private' || owns(actor, post) || atLeast(actor, 'staff')

/**
 * The one visibility rule for a post on its own page: deleted posts are seen by moderators only,
 * hidden ones by moderators and their author, private questions by their asker and staff.
 * `visibleTo` in visibility.server.ts is the same rule as SQL; `isListed` says whether a post
 * may appear in lists at all.
 */
export function canSee(actor: Actor | null, post: PostState): boolean {
  if (!mayOpenPrivate(actor, post)) return false
  if (post.deletedAt) return isModerator(actor)
  if (post.hiddenAt) return isModerator(actor) || owns(actor, post)
  return true
}

/**
 * Lists, search, suggestions and notifications show only posts in no moderation state, and never
 * a private question nor one merged into another.
 */
export function isListed(
  post: Pick<PostState, 'hiddenAt' | 'deletedAt' | 'visibility'> & { mergedIntoId?: number | null },
): boolean {
  return !post.hiddenAt && !post.deletedAt && post.visibility !== 'private' && !post.mergedIntoId
}

const isOpenForChanges = (q: QuestionTarget) => !q.lockedAt

const rules: { [A in Action]: (actor: Actor | null, target: Checks[A]) => boolean } = {
  'question.view': (actor, q) => canSee(actor, q),
  'question.create': (actor) => actor !== null,
  // Regulars (trust 3) may improve others' posts that are in plain view, as wiki-like edits.
  'question.edit': (actor, q) =>
    !q.deletedAt &&
    canSee(actor, q) &&
    (isModerator(actor) ||
      (isOpenForChanges(q) &&
        (owns(actor, q) || (trusted(actor, EDIT_OTHERS_LEVEL) && !q.hiddenAt)))),
  'question.delete': (actor, q) =>
    !q.deletedAt &&
    (moderates(actor) ||
      (owns(actor, q) && isOpenForChanges(q) && (q.othersAnswerCount ?? 0) === 0)),
  'question.vote': (actor, q) =>
    actor !== null && !owns(actor, q) && !q.hiddenAt && !q.deletedAt && isOpenForChanges(q),
  // Helpers know the site well enough to spot duplicates; closing is reversible and logged.
  // Regulars (trust 3) too.
  'question.close': (actor, q) =>
    (atLeast(actor, 'helper') || trusted(actor, CLOSE_LEVEL)) &&
    !q.closedAt &&
    !q.deletedAt &&
    (isModerator(actor) || !q.hiddenAt),
  'question.reopen': (actor, q) =>
    (atLeast(actor, 'helper') || trusted(actor, CLOSE_LEVEL)) &&
    Boolean(q.closedAt) &&
    !q.deletedAt,
  'question.hide': (actor, q) => isModerator(actor) && !q.hiddenAt && !q.deletedAt,
  'question.unhide': (actor, q) => isModerator(actor) && Boolean(q.hiddenAt) && !q.deletedAt,
  'question.restore': (actor, q) => isModerator(actor) && Boolean(q.deletedAt),
  'answer.view': (actor, a) => canSee(actor, a.question) && canSee(actor, a),
  // On a private question the conversation is between the asker and staff.
  'answer.create': (actor, q) =>
    actor !== null &&
    mayOpenPrivate(actor, q) &&
    !q.hiddenAt &&
    !q.deletedAt &&
    !q.closedAt &&
    !q.answersClosed &&
    isOpenForChanges(q),
  'answer.edit': (actor, a) =>
    !a.deletedAt &&
    rules['answer.view'](actor, a) &&
    (isModerator(actor) ||
      (isOpenForChanges(a.question) &&
        (owns(actor, a) ||
          (trusted(actor, EDIT_OTHERS_LEVEL) && !a.hiddenAt && !a.question.hiddenAt)))),
  'answer.delete': (actor, a) =>
    !a.deletedAt &&
    rules['answer.view'](actor, a) &&
    (moderates(actor) || (owns(actor, a) && !a.isAccepted && isOpenForChanges(a.question))),
  'answer.vote': (actor, a) =>
    actor !== null &&
    !owns(actor, a) &&
    !a.hiddenAt &&
    !a.deletedAt &&
    !a.question.hiddenAt &&
    !a.question.deletedAt &&
    isOpenForChanges(a.question),
  // The asker's own follow-ups are not responses, so they cannot be the solution.
  'answer.accept': (actor, a) =>
    actor !== null &&
    a.authorId !== a.question.authorId &&
    !a.hiddenAt &&
    !a.deletedAt &&
    !a.question.deletedAt &&
    !a.question.hiddenAt &&
    isOpenForChanges(a.question) &&
    (owns(actor, a.question) || moderates(actor)),
  'answer.hide': (actor, a) =>
    isModerator(actor) && !a.hiddenAt && !a.deletedAt && !a.question.deletedAt,
  'answer.unhide': (actor, a) =>
    isModerator(actor) && Boolean(a.hiddenAt) && !a.deletedAt && !a.question.deletedAt,
  'answer.restore': (actor, a) =>
    isModerator(actor) && Boolean(a.deletedAt) && !a.question.deletedAt,
  'tag.create': (actor) =>
    atLeast(actor, 'helper') ||
    trusted(actor, TAG_CREATE_LEVEL) ||
    (actor !== null && actor.reputation >= TAG_CREATE_REPUTATION),
  'user.manage': (actor) => atLeast(actor, 'admin'),
  // Writing, editing and promoting articles, drafts, the promotion queue and the review list.
  'kb.manage': (actor) => atLeast(actor, 'moderator'),
  // The automatic promotion rule publishes without a person looking: staff decide its limits.
  'kb.settings': (actor) => atLeast(actor, 'staff'),
  // Synonyms change what every search finds and re-index the site: staff decide them.
  'search.settings': (actor) => atLeast(actor, 'staff'),
  // Searching is for everyone, visitors included: what each result may show is the visibility
  // rule's answer (both engines hold only listed posts and published articles).
  'search.use': () => true,
  // Helpers and moderators may bring a question to staff before its target passes, with a reason.
  'question.escalate': (actor, q) =>
    atLeast(actor, 'helper') && canSee(actor, q) && !q.deletedAt && !q.hiddenAt && !q.closedAt,
  // Staff publish a private question once its asker has agreed (recorded as the asker's event).
  'question.make_public': (actor, q) =>
    atLeast(actor, 'staff') &&
    q.visibility === 'private' &&
    !q.deletedAt &&
    Boolean(q.publishConsent),
  // Only the asker may allow (or stop allowing) staff to publish their private question.
  'question.publish_consent': (actor, q) =>
    owns(actor, q) && q.visibility === 'private' && !q.deletedAt,
  // The desk, and claiming, assigning, acknowledging and resolving what is on it.
  'desk.view': (actor) => atLeast(actor, 'staff'),
  'escalation.manage': (actor) => atLeast(actor, 'staff'),
  // Internal notes are for the people who run the site: moderators and staff.
  'note.view': (actor) => isModerator(actor),
  'note.create': (actor, q) => isModerator(actor) && canSee(actor, q) && !q.deletedAt,
  // "Needs an answer" for what a helper follows.
  'queue.view': (actor) => atLeast(actor, 'helper'),
  // Targets, business hours and holidays are promises to customers: admins set them.
  'sla.settings': (actor) => atLeast(actor, 'admin'),
  // Staff arrange who is on call among themselves: the rota, holidays and swaps.
  'rota.manage': (actor) => atLeast(actor, 'staff'),
  'outbox.view': (actor) => atLeast(actor, 'admin'),
  'account.notifications': (actor) => actor !== null,
  // Moderators warn, silence, suspend and ban people below them, never themselves: a moderator
  // cannot sanction another moderator, staff can, admins can sanction anyone but admins.
  'user.sanction': (actor, person) =>
    isModerator(actor) && actor!.id !== person.id && RANK[actor!.role] > RANK[person.role],
  // Anyone signed in may ask moderators to look at someone else's post they can see; a hidden
  // post is already waiting for them.
  'question.flag': (actor, q) =>
    actor !== null && !owns(actor, q) && canSee(actor, q) && !q.hiddenAt && !q.deletedAt,
  'answer.flag': (actor, a) =>
    actor !== null &&
    !owns(actor, a) &&
    rules['answer.view'](actor, a) &&
    !a.hiddenAt &&
    !a.deletedAt &&
    !a.question.hiddenAt &&
    !a.question.deletedAt,
  // The one review queue: flagged posts, worked by moderators.
  'review.view': (actor) => isModerator(actor),
  'review.decide': (actor) => isModerator(actor),
  // Every moderator's and admin's action, with its reason: moderators answer for each other.
  'audit.view': (actor) => isModerator(actor),
  // A locked thread takes no answers, votes or edits by its author: a moderator's brake.
  'question.lock': (actor, q) =>
    isModerator(actor) && canSee(actor, q) && !q.lockedAt && !q.deletedAt,
  'question.unlock': (actor, q) =>
    isModerator(actor) && canSee(actor, q) && Boolean(q.lockedAt) && !q.deletedAt,
  // Moving to another category and retagging are moderators' edits of the thread's place only.
  'question.move': (actor, q) => isModerator(actor) && canSee(actor, q) && !q.deletedAt,
  'question.retag': (actor, q) => isModerator(actor) && canSee(actor, q) && !q.deletedAt,
  // One's own password, address, language and account (deleting it too): anyone signed in, a
  // silenced account included, so that it can always secure or leave itself.
  'account.settings': (actor) => actor !== null,
  // The name, bio and colour others see: public words, so not while silenced.
  'profile.edit': (actor) => actor !== null,
  // Admins give roles to others, never to themselves: the site must not lose its last admin by
  // a slip, and nobody promotes themselves.
  'user.role': (actor, person) => atLeast(actor, 'admin') && actor!.id !== person.id,
  // Merging moves a duplicate's answers into its original for good. A private question's
  // conversation is between its asker and staff, so it is never poured into a public thread
  // (which original it may go into is the merge module's rule: one every reader can see).
  'question.merge': (actor, q) =>
    isModerator(actor) && canSee(actor, q) && !q.deletedAt && q.visibility !== 'private',
  // Writing templates, their automation and its limits: staff.
  'template.manage': (actor) => atLeast(actor, 'staff'),
  // Helpers answer with the public templates; staff with all of them.
  'template.use': (actor, t) =>
    atLeast(actor, 'staff') || (atLeast(actor, 'helper') && t.visibility === 'public'),
  // "This solved my problem" / "I still need help" on an automatic suggestion: its asker.
  'suggestion.respond': (actor, a) =>
    owns(actor, a.question) && !a.hiddenAt && !a.deletedAt && !a.question.deletedAt,
  // New accounts (trust 0) may post a couple of links and no images: the usual spam is links.
  'post.links': (actor, post) =>
    actor !== null &&
    (atLeast(actor, 'helper') ||
      (post.links <= LINKS_PER_POST[clampLevel(actor.trust ?? 0)] &&
        (post.images === 0 || trusted(actor, IMAGES_FROM_LEVEL)))),
  // Moderators lock the trust level of people below them (as for sanctions).
  'user.trust': (actor, person) =>
    isModerator(actor) && actor!.id !== person.id && RANK[actor!.role] > RANK[person.role],
  // Moderators make members helpers and take it back; other roles are the admins' to change.
  'user.helper': (actor, person) =>
    isModerator(actor) &&
    actor!.id !== person.id &&
    (person.role === 'member' || person.role === 'helper'),
  // The blocked words and whether first posts are held change what everyone may post.
  'spam.settings': (actor) => atLeast(actor, 'staff'),
  // The survey of a solved question is its asker's to answer (the module keeps its 7-day window).
  'survey.answer': (actor, q) => owns(actor, q) && !q.deletedAt && !q.hiddenAt,
  // The operations dashboard and the settings it shows (when solved threads stop taking answers).
  'dashboard.view': (actor) => atLeast(actor, 'staff'),
  'dashboard.settings': (actor) => atLeast(actor, 'staff'),
}

/**
 * What a silenced (read-only) account may not do: everything that writes something new, and
 * every moderation write (deleting others' posts and accepting for the asker are in the rules:
 * a silenced moderator is then treated as a member there).
 */
const READ_ONLY_BLOCKS = new Set<Action>([
  'question.create',
  'question.edit',
  'question.vote',
  'question.close',
  'question.reopen',
  'question.escalate',
  'answer.create',
  'answer.edit',
  'answer.vote',
  'tag.create',
  'note.create',
  'question.flag',
  'answer.flag',
  'question.lock',
  'question.unlock',
  'question.move',
  'question.retag',
  'profile.edit',
  'question.merge',
  'post.links',
  // Every moderation write: a silenced moderator still reads the queue and the log.
  'question.hide',
  'question.unhide',
  'question.restore',
  'answer.hide',
  'answer.unhide',
  'answer.restore',
  'review.decide',
  'user.sanction',
  'user.trust',
  'user.helper',
  'user.role',
])

/** An answer's target built from its question's, as the question page lists them. */
export function answerTargetOn(
  question: QuestionTarget,
  answer: {
    author: { id: number }
    hiddenAt: Date | string | null
    deletedAt: Date | string | null
    isAccepted: boolean
  },
): AnswerTarget {
  return {
    authorId: answer.author.id,
    hiddenAt: answer.hiddenAt,
    deletedAt: answer.deletedAt,
    question,
    isAccepted: answer.isAccepted,
  }
}

export function can<A extends Action>(actor: Actor | null, action: A, target: Checks[A]): boolean {
  if (actor?.readOnly && READ_ONLY_BLOCKS.has(action)) return false
  return rules[action](actor, target)
}
