/**
 * What a flag weighs and how many a person may raise: pure rules, client-safe, so they are
 * tested on their own and the numbers live in one place.
 */
import type { Role } from '../../../db/schema'
import { atLeast } from '../policy/policy'
import { clampLevel, DAILY_FLAGS_BY_TRUST, FLAG_WEIGHT_BY_TRUST } from '../trust/levels'

/** Pending flags weighing this much together hide a post: two members with no history. */
export const FLAG_THRESHOLD = 2

/** What one flag weighs before accuracy; a moderator's flag alone hides the post. */
const ROLE_WEIGHT: Record<Role, number> = {
  member: 1,
  helper: 1.5,
  moderator: FLAG_THRESHOLD,
  staff: FLAG_THRESHOLD,
  admin: FLAG_THRESHOLD,
}

/** Flags a person may raise in a day (a rolling 24 hours); a member's follow their trust level. */
export const DAILY_FLAGS: Record<Exclude<Role, 'member'>, number> = {
  helper: 30,
  moderator: 200,
  staff: 200,
  admin: 200,
}

export function dailyFlagLimit(role: Role, trust = 1): number {
  return role === 'member' ? DAILY_FLAGS_BY_TRUST[clampLevel(trust)] : DAILY_FLAGS[role]
}

/**
 * How often a person's decided flags were upheld, with one upheld and one rejected flag assumed
 * beforehand: 0.5 for someone with no history, moving towards their record as it grows.
 * Ignored flags say nothing either way.
 */
export function flagAccuracy(upheld: number, rejected: number): number {
  return (upheld + 1) / (upheld + rejected + 2)
}

/**
 * A flag's weight: the role's (a member's by their trust level), times twice the accuracy (1 at
 * no history), within bounds; only moderators' flags reach the threshold alone.
 */
export function flagWeight(role: Role, upheld: number, rejected: number, trust = 1): number {
  if (atLeast({ id: 0, role, reputation: 0 }, 'moderator')) return ROLE_WEIGHT[role]
  const base = role === 'member' ? FLAG_WEIGHT_BY_TRUST[clampLevel(trust)] : ROLE_WEIGHT[role]
  const factor = Math.min(1.75, Math.max(0.25, 2 * flagAccuracy(upheld, rejected)))
  return Math.min(1.75, Math.round(base * factor * 100) / 100)
}
