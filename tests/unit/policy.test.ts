import { describe, expect, it } from 'vitest'
import {
  ACTIONS,
  can,
  type Action,
  type Actor,
  type AnswerTarget,
  type QuestionTarget,
} from '~/modules/policy/policy'
import { ROLES, type Role } from '../../db/schema'

type Who = 'anonymous' | Role
const WHO: Who[] = ['anonymous', ...ROLES]
const ME = 1
const SOMEONE = 2
const THIRD = 3

function actorFor(who: Who, reputation = 0): Actor | null {
  return who === 'anonymous' ? null : { id: ME, role: who, reputation }
}

/** A visible, open question; `own` means the acting user asked it. */
function question(own: boolean, extra: Partial<QuestionTarget> = {}): QuestionTarget {
  return { authorId: own ? ME : SOMEONE, othersAnswerCount: 0, ...extra }
}

/**
 * For answers "own" means the actor wrote the answer, except for accepting, where what counts
 * is owning the question the answer belongs to.
 */
function answer(action: Action, own: boolean, extra: Partial<AnswerTarget> = {}): AnswerTarget {
  if (action === 'answer.accept')
    return { authorId: THIRD, question: question(own), isAccepted: false, ...extra }
  return { authorId: own ? ME : SOMEONE, question: question(false), isAccepted: false, ...extra }
}

function targetFor(action: Action, own: boolean) {
  if (action.startsWith('question.') && action !== 'question.create') return question(own)
  if (action === 'answer.create' || action === 'note.create' || action === 'survey.answer')
    return question(own)
  // someone else is a member; "own" is the actor themselves
  if (
    action === 'user.sanction' ||
    action === 'user.role' ||
    action === 'user.trust' ||
    action === 'user.helper'
  )
    return { id: own ? ME : SOMEONE, role: 'member' }
  // more links and an image than a new account may post
  if (action === 'post.links') return { links: 3, images: 1 }
  if (action.startsWith('answer.')) return answer(action, own)
  // templates: "own" stands for a public template, "someone else's" for a staff-only one
  if (action === 'template.use') return { visibility: own ? 'public' : 'staff' }
  // an automatic suggestion (by the system account) on the actor's own question, or another's
  if (action === 'suggestion.respond')
    return { authorId: THIRD, question: question(own), isAccepted: false }
  return null
}

const signedIn: Who[] = ['member', 'helper', 'moderator', 'staff', 'admin']
const moderators: Who[] = ['moderator', 'staff', 'admin']
const helpersUp: Who[] = ['helper', ...moderators]

// Who may do each action to their own thing and to someone else's, on visible open posts.
const MATRIX: Record<Action, { own: Who[]; other: Who[] }> = {
  'question.view': { own: WHO, other: WHO },
  'question.create': { own: signedIn, other: signedIn },
  'question.edit': { own: signedIn, other: moderators },
  'question.delete': { own: signedIn, other: moderators },
  'question.vote': { own: [], other: signedIn },
  'question.close': { own: helpersUp, other: helpersUp },
  'question.reopen': { own: [], other: [] },
  'question.hide': { own: moderators, other: moderators },
  'question.unhide': { own: [], other: [] },
  'question.restore': { own: [], other: [] },
  'answer.view': { own: WHO, other: WHO },
  'answer.create': { own: signedIn, other: signedIn },
  'answer.edit': { own: signedIn, other: moderators },
  'answer.delete': { own: signedIn, other: moderators },
  'answer.vote': { own: [], other: signedIn },
  'answer.accept': { own: signedIn, other: moderators },
  'answer.hide': { own: moderators, other: moderators },
  'answer.unhide': { own: [], other: [] },
  'answer.restore': { own: [], other: [] },
  'tag.create': { own: helpersUp, other: helpersUp },
  'user.manage': { own: ['admin'], other: ['admin'] },
  'kb.manage': { own: moderators, other: moderators },
  'kb.settings': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'search.settings': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'search.use': { own: WHO, other: WHO },
  'question.escalate': { own: helpersUp, other: helpersUp },
  // only private questions can be made public
  'question.make_public': { own: [], other: [] },
  // only the asker of a private question gives consent
  'question.publish_consent': { own: [], other: [] },
  'desk.view': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'escalation.manage': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'note.view': { own: moderators, other: moderators },
  'note.create': { own: moderators, other: moderators },
  'queue.view': { own: helpersUp, other: helpersUp },
  'sla.settings': { own: ['admin'], other: ['admin'] },
  'rota.manage': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'outbox.view': { own: ['admin'], other: ['admin'] },
  'account.notifications': { own: signedIn, other: signedIn },
  'user.sanction': { own: [], other: moderators },
  'question.flag': { own: [], other: signedIn },
  'answer.flag': { own: [], other: signedIn },
  'review.view': { own: moderators, other: moderators },
  'review.decide': { own: moderators, other: moderators },
  'audit.view': { own: moderators, other: moderators },
  'question.lock': { own: moderators, other: moderators },
  // only a locked question can be unlocked
  'question.unlock': { own: [], other: [] },
  'question.move': { own: moderators, other: moderators },
  'question.retag': { own: moderators, other: moderators },
  'account.settings': { own: signedIn, other: signedIn },
  'profile.edit': { own: signedIn, other: signedIn },
  'user.role': { own: [], other: ['admin'] },
  'question.merge': { own: moderators, other: moderators },
  'template.manage': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'template.use': { own: helpersUp, other: ['staff', 'admin'] },
  'suggestion.respond': { own: signedIn, other: [] },
  'post.links': { own: helpersUp, other: helpersUp },
  'user.trust': { own: [], other: moderators },
  'user.helper': { own: [], other: moderators },
  'spam.settings': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  // the asker answers their own question's survey; nobody else, whatever their role
  'survey.answer': { own: signedIn, other: [] },
  'dashboard.view': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
  'dashboard.settings': { own: ['staff', 'admin'], other: ['staff', 'admin'] },
}

describe('policy matrix: every role × action × own/other', () => {
  it('covers every action the policy knows', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort())
  })

  for (const action of ACTIONS) {
    for (const own of [true, false]) {
      for (const who of WHO) {
        const expected = MATRIX[action][own ? 'own' : 'other'].includes(who)
        it(`${who} ${expected ? 'may' : 'may not'} ${action} (${own ? 'own' : "someone else's"})`, () => {
          const target = targetFor(action, own)
          expect(can(actorFor(who), action, target as never)).toBe(expected)
        })
      }
    }
  }
})

describe('policy: states that change the answer', () => {
  const member = actorFor('member')
  const moderator = actorFor('moderator')
  const stranger: Actor = { id: 99, role: 'member', reputation: 0 }
  const hidden = new Date()

  it('hides a hidden question from the public but not from its author or moderators', () => {
    const q = question(true, { hiddenAt: hidden })
    expect(can(null, 'question.view', q)).toBe(false)
    expect(can(stranger, 'question.view', q)).toBe(false)
    expect(can(member, 'question.view', q)).toBe(true)
    expect(can(moderator, 'question.view', q)).toBe(true)
  })

  it('shows a private question and its answers to its asker and staff only', () => {
    const q = question(false, { visibility: 'private' })
    expect(can(null, 'question.view', q)).toBe(false)
    expect(can(member, 'question.view', q)).toBe(false)
    expect(can(moderator, 'question.view', q)).toBe(false)
    expect(can(actorFor('staff'), 'question.view', q)).toBe(true)
    expect(can(member, 'question.view', { ...q, authorId: ME })).toBe(true)
    const a: AnswerTarget = { authorId: SOMEONE, question: q, isAccepted: false }
    expect(can(actorFor('helper'), 'answer.view', a)).toBe(false)
    expect(can(actorFor('admin'), 'answer.view', a)).toBe(true)
    // Publishing waits for the asker's consent.
    expect(can(actorFor('staff'), 'question.make_public', q)).toBe(false)
    const agreed = { ...q, publishConsent: true }
    expect(can(actorFor('staff'), 'question.make_public', agreed)).toBe(true)
    expect(can(actorFor('admin'), 'question.make_public', agreed)).toBe(true)
    expect(can(moderator, 'question.make_public', agreed)).toBe(false)
    expect(can(member, 'question.make_public', { ...agreed, authorId: ME })).toBe(false)
    expect(can(actorFor('staff'), 'question.make_public', { ...agreed, deletedAt: hidden })).toBe(
      false,
    )
  })

  it('lets only the asker and staff answer a private question', () => {
    const q = question(false, { visibility: 'private' })
    expect(can(null, 'answer.create', q)).toBe(false)
    expect(can(member, 'answer.create', q)).toBe(false)
    expect(can(actorFor('helper'), 'answer.create', q)).toBe(false)
    expect(can(moderator, 'answer.create', q)).toBe(false)
    expect(can(actorFor('staff'), 'answer.create', q)).toBe(true)
    expect(can(actorFor('admin'), 'answer.create', q)).toBe(true)
    expect(can(member, 'answer.create', { ...q, authorId: ME })).toBe(true)
    // The private rule adds to the others: a closed private question takes no answers either.
    expect(can(actorFor('staff'), 'answer.create', { ...q, closedAt: hidden })).toBe(false)
  })

  it('lets only the asker allow staff to publish their private question', () => {
    const own = question(true, { visibility: 'private' })
    expect(can(member, 'question.publish_consent', own)).toBe(true)
    expect(can(member, 'question.publish_consent', { ...own, visibility: 'public' })).toBe(false)
    expect(can(actorFor('staff'), 'question.publish_consent', { ...own, authorId: SOMEONE })).toBe(
      false,
    )
    expect(can(member, 'question.publish_consent', { ...own, deletedAt: hidden })).toBe(false)
  })

  it('lets moderators sanction only people below them', () => {
    const on = (role: Role) => ({ id: SOMEONE, role })
    expect(can(moderator, 'user.sanction', on('helper'))).toBe(true)
    expect(can(moderator, 'user.sanction', on('moderator'))).toBe(false)
    expect(can(actorFor('staff'), 'user.sanction', on('moderator'))).toBe(true)
    expect(can(actorFor('staff'), 'user.sanction', on('staff'))).toBe(false)
    expect(can(actorFor('admin'), 'user.sanction', on('staff'))).toBe(true)
    expect(can(actorFor('admin'), 'user.sanction', on('admin'))).toBe(false)
  })

  it('keeps a silenced account read-only: it may remove its own posts, not write new ones', () => {
    const silenced: Actor = { id: ME, role: 'member', reputation: 500, readOnly: true }
    expect(can(silenced, 'question.create', null)).toBe(false)
    expect(can(silenced, 'answer.create', question(false))).toBe(false)
    expect(can(silenced, 'question.edit', question(true))).toBe(false)
    expect(can(silenced, 'question.vote', question(false))).toBe(false)
    expect(can(silenced, 'tag.create', null)).toBe(false)
    expect(can(silenced, 'question.flag', question(false))).toBe(false)
    expect(can(silenced, 'answer.flag', answer('answer.flag', false))).toBe(false)
    expect(can(silenced, 'question.delete', question(true))).toBe(true)
    // Their public profile is words too; their password and address stay theirs to change.
    expect(can(silenced, 'profile.edit', null)).toBe(false)
    expect(can(silenced, 'account.settings', null)).toBe(true)
    expect(can(silenced, 'question.view', question(false))).toBe(true)
  })

  it('takes no flag on a post that is already hidden or deleted, or on its hidden question', () => {
    expect(can(member, 'question.flag', question(false, { hiddenAt: hidden }))).toBe(false)
    expect(can(member, 'question.flag', question(false, { deletedAt: hidden }))).toBe(false)
    const onHidden = answer('answer.flag', false, {
      question: question(false, { hiddenAt: hidden }),
    })
    expect(can(moderator, 'answer.flag', onHidden)).toBe(false)
    expect(can(member, 'answer.flag', answer('answer.flag', false, { hiddenAt: hidden }))).toBe(
      false,
    )
  })

  it('shows a deleted question to moderators only, not even to its author', () => {
    const q = question(true, { deletedAt: hidden })
    expect(can(member, 'question.view', q)).toBe(false)
    expect(can(moderator, 'question.view', q)).toBe(true)
  })

  it('stops the author editing a locked question while moderators still can', () => {
    const q = question(true, { lockedAt: hidden })
    expect(can(member, 'question.edit', q)).toBe(false)
    expect(can(moderator, 'question.edit', { ...q, authorId: SOMEONE })).toBe(true)
    expect(can(member, 'answer.create', q)).toBe(false)
  })

  it('lets helpers reopen a closed question but not members', () => {
    const closed = question(false, { closedAt: hidden })
    expect(can(actorFor('helper'), 'question.reopen', closed)).toBe(true)
    expect(can(member, 'question.reopen', closed)).toBe(false)
    expect(can(actorFor('helper'), 'question.close', closed)).toBe(false)
  })

  it('lets moderators unlock a locked thread, and lock it only once', () => {
    const locked = question(false, { lockedAt: hidden })
    expect(can(moderator, 'question.unlock', locked)).toBe(true)
    expect(can(moderator, 'question.lock', locked)).toBe(false)
    expect(can(actorFor('helper'), 'question.unlock', locked)).toBe(false)
    expect(can(moderator, 'question.lock', question(false, { deletedAt: hidden }))).toBe(false)
  })

  it('keeps the audit log and the thread tools from a silenced moderator', () => {
    const silenced: Actor = { id: ME, role: 'moderator', reputation: 0, readOnly: true }
    expect(can(silenced, 'question.lock', question(false))).toBe(false)
    expect(can(silenced, 'question.move', question(false))).toBe(false)
    expect(can(silenced, 'audit.view', null)).toBe(true)
  })

  it('makes a silenced moderator read-only: no hiding, deleting, restoring, deciding or sanctioning', () => {
    const silenced: Actor = { id: ME, role: 'moderator', reputation: 0, readOnly: true }
    const person = { id: ME + 1, role: 'member' as const }
    expect(can(moderator, 'question.hide', question(false))).toBe(true)
    expect(can(silenced, 'question.hide', question(false))).toBe(false)
    expect(can(silenced, 'question.unhide', question(false, { hiddenAt: hidden }))).toBe(false)
    expect(can(silenced, 'question.restore', question(false, { deletedAt: hidden }))).toBe(false)
    expect(can(silenced, 'question.delete', question(false))).toBe(false)
    expect(can(silenced, 'answer.hide', answer('answer.hide', false))).toBe(false)
    expect(can(silenced, 'answer.delete', answer('answer.delete', false))).toBe(false)
    expect(
      can(silenced, 'answer.restore', answer('answer.restore', false, { deletedAt: hidden })),
    ).toBe(false)
    expect(can(silenced, 'answer.accept', answer('answer.accept', false))).toBe(false)
    expect(can(silenced, 'review.decide', null)).toBe(false)
    expect(can(silenced, 'user.sanction', person)).toBe(false)
    expect(can(silenced, 'user.trust', person)).toBe(false)
    expect(can(silenced, 'user.helper', person)).toBe(false)
    // reading stays, and their own posts are still theirs to remove
    expect(can(silenced, 'review.view', null)).toBe(true)
    expect(can(silenced, 'audit.view', null)).toBe(true)
    expect(can(silenced, 'question.delete', question(true))).toBe(true)
  })

  it('takes no new answers on a closed question', () => {
    expect(can(member, 'answer.create', question(false, { closedAt: hidden }))).toBe(false)
  })

  it('does not let an asker delete a question that others have answered', () => {
    expect(can(member, 'question.delete', question(true, { othersAnswerCount: 1 }))).toBe(false)
    expect(can(moderator, 'question.delete', question(false, { othersAnswerCount: 3 }))).toBe(true)
  })

  it('does not let an author delete their accepted answer', () => {
    expect(can(member, 'answer.delete', answer('answer.delete', true, { isAccepted: true }))).toBe(
      false,
    )
  })

  it('does not let the asker accept their own follow-up as the solution', () => {
    const followUp: AnswerTarget = { authorId: ME, question: question(true), isAccepted: false }
    expect(can(member, 'answer.accept', followUp)).toBe(false)
  })

  it('lets a member with enough reputation create tags', () => {
    expect(can(actorFor('member', 99), 'tag.create', null)).toBe(false)
    expect(can(actorFor('member', 100), 'tag.create', null)).toBe(true)
  })

  it('lets moderators alone bring back hidden and deleted posts', () => {
    const hiddenQ = question(false, { hiddenAt: hidden })
    const deletedQ = question(true, { deletedAt: hidden })
    expect(can(moderator, 'question.unhide', hiddenQ)).toBe(true)
    expect(can(member, 'question.unhide', { ...hiddenQ, authorId: ME })).toBe(false)
    expect(can(moderator, 'question.restore', deletedQ)).toBe(true)
    expect(can(member, 'question.restore', deletedQ)).toBe(false)
    expect(can(moderator, 'question.hide', deletedQ)).toBe(false)
    const deletedA = answer('answer.restore', true, { deletedAt: hidden })
    expect(can(moderator, 'answer.restore', deletedA)).toBe(true)
    expect(can(member, 'answer.restore', deletedA)).toBe(false)
    expect(can(moderator, 'answer.edit', deletedA)).toBe(false)
    // Nothing comes back under a deleted question: restore the question first.
    const underDeleted = answer('answer.restore', false, {
      deletedAt: hidden,
      question: question(false, { deletedAt: hidden }),
    })
    expect(can(moderator, 'answer.restore', underDeleted)).toBe(false)
  })

  it('forbids votes on hidden answers', () => {
    expect(can(member, 'answer.vote', answer('answer.vote', false, { hiddenAt: hidden }))).toBe(
      false,
    )
  })
})
