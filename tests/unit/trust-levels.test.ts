import { describe, expect, it } from 'vitest'
import { can, type Actor } from '~/modules/policy/policy'
import {
  countLinks,
  earnedLevel,
  nextLevel,
  TL3_GRACE_DAYS,
  type Activity,
} from '~/modules/trust/levels'

const quiet: Activity = {
  accountDays: 0,
  daysVisited: 0,
  questionsRead: 0,
  posts: 0,
  upheldFlags: 0,
  recent: {
    daysVisited: 0,
    questionsRead: 0,
    posts: 0,
    acceptedAnswers: 0,
    upheldFlags: 0,
    sanctioned: false,
  },
}
const basic: Activity = { ...quiet, accountDays: 2, daysVisited: 2, questionsRead: 5 }
const member: Activity = { ...basic, daysVisited: 8, questionsRead: 30, posts: 3 }
const regular: Activity = {
  ...member,
  daysVisited: 30,
  questionsRead: 80,
  posts: 12,
  recent: {
    daysVisited: 25,
    questionsRead: 60,
    posts: 10,
    acceptedAnswers: 2,
    upheldFlags: 0,
    sanctioned: false,
  },
}

describe('trust levels earned from activity', () => {
  it('starts everyone at 0 and needs every requirement of a level', () => {
    expect(earnedLevel(quiet)).toBe(0)
    expect(earnedLevel({ ...basic, accountDays: 0 })).toBe(0)
    expect(earnedLevel(basic)).toBe(1)
    expect(earnedLevel(member)).toBe(2)
    expect(earnedLevel({ ...member, upheldFlags: 2 })).toBe(1)
    expect(earnedLevel(regular)).toBe(3)
    expect(earnedLevel({ ...regular, recent: { ...regular.recent, sanctioned: true } })).toBe(2)
    expect(earnedLevel({ ...regular, recent: { ...regular.recent, acceptedAnswers: 1 } })).toBe(2)
  })

  it('keeps levels 1 and 2, lets 3 fall after the grace period, and obeys a lock', () => {
    expect(nextLevel({ current: 2, locked: null, earned: 0, daysSinceChange: 90 })).toBe(2)
    expect(nextLevel({ current: 1, locked: null, earned: 0, daysSinceChange: 90 })).toBe(1)
    expect(nextLevel({ current: 3, locked: null, earned: 1, daysSinceChange: 90 })).toBe(2)
    expect(
      nextLevel({ current: 3, locked: null, earned: 2, daysSinceChange: TL3_GRACE_DAYS - 1 }),
    ).toBe(3)
    expect(nextLevel({ current: 4, locked: null, earned: 3, daysSinceChange: 1 })).toBe(4)
    expect(nextLevel({ current: 3, locked: 0, earned: 3, daysSinceChange: 1 })).toBe(0)
    expect(nextLevel({ current: 0, locked: null, earned: 2, daysSinceChange: null })).toBe(2)
  })
})

describe('what trust unlocks', () => {
  const at = (trust: number): Actor => ({ id: 1, role: 'member', reputation: 0, trust })
  const other = { authorId: 2 }

  it('limits links and images at level 0', () => {
    expect(can(at(0), 'post.links', { links: 2, images: 0 })).toBe(true)
    expect(can(at(0), 'post.links', { links: 3, images: 0 })).toBe(false)
    expect(can(at(0), 'post.links', { links: 1, images: 1 })).toBe(false)
    expect(can(at(1), 'post.links', { links: 9, images: 3 })).toBe(true)
  })

  it('opens tags at 2, closing and editing others at 3', () => {
    expect(can(at(1), 'tag.create', null)).toBe(false)
    expect(can(at(2), 'tag.create', null)).toBe(true)
    expect(can(at(2), 'question.close', other)).toBe(false)
    expect(can(at(3), 'question.close', other)).toBe(true)
    expect(can(at(2), 'question.edit', other)).toBe(false)
    expect(can(at(3), 'question.edit', other)).toBe(true)
    expect(can(at(3), 'question.edit', { ...other, hiddenAt: new Date() })).toBe(false)
    expect(can(at(3), 'question.edit', { ...other, lockedAt: new Date() })).toBe(false)
  })

  it('counts links once per URL, images as links too', () => {
    expect(countLinks('see https://a.example/x and https://a.example/x')).toEqual({
      links: 1,
      images: 0,
    })
    expect(countLinks('![x](https://i.example/p.png) [y](http://b.example) www.c.example')).toEqual(
      { links: 3, images: 1 },
    )
  })
})
