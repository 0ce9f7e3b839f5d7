import { describe, expect, it } from 'vitest'
import {
  DAILY_FLAGS,
  dailyFlagLimit,
  FLAG_THRESHOLD,
  flagAccuracy,
  flagWeight,
} from '~/modules/flags/weights'
import { DAILY_FLAGS_BY_TRUST, FLAG_WEIGHT_BY_TRUST, TRUST_LEVELS } from '~/modules/trust/levels'

describe('flag weights', () => {
  it('gives a newcomer a neutral accuracy, so two members with no history reach the threshold', () => {
    expect(flagAccuracy(0, 0)).toBe(0.5)
    expect(flagWeight('member', 0, 0) * 2).toBe(FLAG_THRESHOLD)
    expect(flagWeight('member', 0, 0)).toBeLessThan(FLAG_THRESHOLD)
  })

  it('lets one moderator, staff member or admin hide a post, whatever their record or level', () => {
    for (const role of ['moderator', 'staff', 'admin'] as const)
      for (const trust of TRUST_LEVELS) expect(flagWeight(role, 0, 50, trust)).toBe(FLAG_THRESHOLD)
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

  it('weighs a member’s flag by their trust level: 1, 1, 1, 1.25 and 1.5 before accuracy', () => {
    expect(FLAG_WEIGHT_BY_TRUST).toEqual({ 0: 1, 1: 1, 2: 1, 3: 1.25, 4: 1.5 })
    // with no history (accuracy 0.5, factor 1) the weight is the level's
    expect(TRUST_LEVELS.map((trust) => flagWeight('member', 0, 0, trust))).toEqual([
      1, 1, 1, 1.25, 1.5,
    ])
    // two new accounts together still hide a post; one leader alone does not
    expect(flagWeight('member', 0, 0, 0) * 2).toBe(FLAG_THRESHOLD)
    expect(flagWeight('member', 0, 0, 4)).toBeLessThan(FLAG_THRESHOLD)
    // accuracy moves it from there, and the cap holds at every level
    expect(flagWeight('member', 2, 0, 3)).toBe(1.75)
    expect(flagWeight('member', 0, 3, 4)).toBe(0.6)
    for (const trust of TRUST_LEVELS)
      expect(flagWeight('member', 1000, 0, trust)).toBeLessThanOrEqual(1.75)
    // a helper's weight is the role's, whatever the level
    expect(flagWeight('helper', 0, 0, 0)).toBe(1.5)
    expect(flagWeight('helper', 0, 0, 4)).toBe(1.5)
  })

  it('allows a member 5, 10, 15, 20 and 30 flags a day at trust levels 0 to 4', () => {
    expect(DAILY_FLAGS_BY_TRUST).toEqual({ 0: 5, 1: 10, 2: 15, 3: 20, 4: 30 })
    expect(TRUST_LEVELS.map((trust) => dailyFlagLimit('member', trust))).toEqual([
      5, 10, 15, 20, 30,
    ])
    // out-of-range levels are clamped, never unlimited
    expect(dailyFlagLimit('member', -3)).toBe(5)
    expect(dailyFlagLimit('member', 9)).toBe(30)
  })

  it('gives roles above member their role’s allowance, whatever their level', () => {
    for (const trust of TRUST_LEVELS) {
      expect(dailyFlagLimit('helper', trust)).toBe(DAILY_FLAGS.helper)
      expect(dailyFlagLimit('moderator', trust)).toBe(DAILY_FLAGS.moderator)
      expect(dailyFlagLimit('staff', trust)).toBe(DAILY_FLAGS.staff)
      expect(dailyFlagLimit('admin', trust)).toBe(DAILY_FLAGS.admin)
    }
    expect(DAILY_FLAGS.helper).toBe(30)
    expect(DAILY_FLAGS.moderator).toBeGreaterThan(DAILY_FLAGS.helper)
  })
})
