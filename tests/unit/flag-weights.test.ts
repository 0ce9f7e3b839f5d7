import { describe, expect, it } from 'vitest'
import { DAILY_FLAGS, FLAG_THRESHOLD, flagAccuracy, flagWeight } from '~/modules/flags/weights'

describe('flag weights', () => {
  it('gives a newcomer a neutral accuracy, so two members with no history reach the threshold', () => {
    expect(flagAccuracy(0, 0)).toBe(0.5)
    expect(flagWeight('member', 0, 0) * 2).toBe(FLAG_THRESHOLD)
    expect(flagWeight('member', 0, 0)).toBeLessThan(FLAG_THRESHOLD)
  })

  it('lets one moderator, staff member or admin hide a post, whatever their record', () => {
    for (const role of ['moderator', 'staff', 'admin'] as const)
      expect(flagWeight(role, 0, 50)).toBe(FLAG_THRESHOLD)
  })

  it('grows with upheld flags and shrinks with rejected ones, within bounds', () => {
    expect(flagWeight('member', 2, 0)).toBe(1.5)
    expect(flagWeight('member', 0, 3)).toBe(0.4)
    expect(flagWeight('member', 1000, 0)).toBe(1.75)
    expect(flagWeight('member', 0, 1000)).toBe(0.25)
    expect(flagWeight('helper', 0, 0)).toBe(1.5)
    // a reliable member is still short of hiding a post alone
    expect(flagWeight('member', 1000, 0)).toBeLessThan(FLAG_THRESHOLD)
  })

  it('allows more flags a day the more the role is trusted', () => {
    expect(DAILY_FLAGS.member).toBe(10)
    expect(DAILY_FLAGS.helper).toBe(30)
    expect(DAILY_FLAGS.moderator).toBeGreaterThan(DAILY_FLAGS.helper)
  })
})
