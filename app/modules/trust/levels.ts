/**
 * Trust levels: what a person has shown by using the site, in five steps, and what each step
 * requires and unlocks. Pure rules, client-safe, so the numbers live in one place and are tested
 * on their own. The trust job (trust.server.ts) feeds them each person's activity.
 *
 * Modelled on Discourse's levels, scaled for a small support site:
 * - 0 new: everyone starts here; posts are checked by the spam rules and the first ones held.
 * - 1 basic: came back on a few days and read a few threads.
 * - 2 member: a regular reader who has posted a few times without trouble.
 * - 3 regular: active over the last 100 days, with accepted answers and no upheld flags to speak
 *   of. The only level the job takes away again.
 * - 4 leader: never earned automatically; a moderator grants it by locking someone at 4.
 */

export const TRUST_LEVELS = [0, 1, 2, 3, 4] as const
export type TrustLevel = (typeof TRUST_LEVELS)[number]

/** The window level 3 is judged over, and how long after reaching it nobody falls back. */
export const TL3_WINDOW_DAYS = 100
export const TL3_GRACE_DAYS = 14
/** How often the trust job works everyone's level out again. */
export const TRUST_UPDATE_HOURS = 6

export const TRUST_REQUIREMENTS = {
  1: { accountDays: 1, daysVisited: 2, questionsRead: 5 },
  2: { daysVisited: 8, questionsRead: 30, posts: 3, maxUpheldFlags: 1 },
  // over the last TL3_WINDOW_DAYS
  3: {
    daysVisited: 25,
    questionsRead: 60,
    posts: 10,
    acceptedAnswers: 2,
    maxUpheldFlags: 1,
    sanctioned: false,
  },
} as const

/** One person's activity, as the trust job reads it. */
export type Activity = {
  accountDays: number
  /** all time */
  daysVisited: number
  questionsRead: number
  posts: number
  upheldFlags: number
  /** over the last TL3_WINDOW_DAYS */
  recent: {
    daysVisited: number
    questionsRead: number
    posts: number
    acceptedAnswers: number
    upheldFlags: number
    sanctioned: boolean
  }
}

/** The highest level the activity earns by itself (never 4). */
export function earnedLevel(a: Activity): TrustLevel {
  const r1 = TRUST_REQUIREMENTS[1]
  const r2 = TRUST_REQUIREMENTS[2]
  const r3 = TRUST_REQUIREMENTS[3]
  const tl1 =
    a.accountDays >= r1.accountDays &&
    a.daysVisited >= r1.daysVisited &&
    a.questionsRead >= r1.questionsRead
  if (!tl1) return 0
  const tl2 =
    a.daysVisited >= r2.daysVisited &&
    a.questionsRead >= r2.questionsRead &&
    a.posts >= r2.posts &&
    a.upheldFlags <= r2.maxUpheldFlags
  if (!tl2) return 1
  const r = a.recent
  const tl3 =
    r.daysVisited >= r3.daysVisited &&
    r.questionsRead >= r3.questionsRead &&
    r.posts >= r3.posts &&
    r.acceptedAnswers >= r3.acceptedAnswers &&
    r.upheldFlags <= r3.maxUpheldFlags &&
    !r.sanctioned
  return tl3 ? 3 : 2
}

/**
 * The level a person moves to. Levels 1 and 2 are kept once earned: they rest on history that
 * only grows, and a quiet month does not make anyone less able to post a link (misconduct is
 * for sanctions and moderators, who can lock someone lower). Level 3 is about being active now,
 * so it falls when its requirements over the window are no longer met, but not within
 * TL3_GRACE_DAYS of being reached, so a person near the line does not flap. Level 4 is only
 * granted by a lock, and a lock always wins.
 */
export function nextLevel(input: {
  current: number
  locked: number | null
  earned: TrustLevel
  daysSinceChange: number | null
}): TrustLevel {
  if (input.locked !== null) return clampLevel(input.locked)
  const current = clampLevel(input.current)
  if (input.earned >= current) return current === 4 ? 4 : input.earned
  // earned < current: only level 3 (reached by the job) falls, to what is earned (at least 2)
  if (current === 3) {
    const inGrace = input.daysSinceChange !== null && input.daysSinceChange < TL3_GRACE_DAYS
    return inGrace ? 3 : (Math.max(2, input.earned) as TrustLevel)
  }
  return current
}

export function clampLevel(n: number): TrustLevel {
  return Math.min(4, Math.max(0, Math.trunc(n))) as TrustLevel
}

// What trust unlocks (the policy module asks these).

/** Links a post may carry at each level; images need level 1. */
export const LINKS_PER_POST: Record<TrustLevel, number> = {
  0: 2,
  1: Infinity,
  2: Infinity,
  3: Infinity,
  4: Infinity,
}
export const IMAGES_FROM_LEVEL = 1
export const TAG_CREATE_LEVEL = 2
export const CLOSE_LEVEL = 3
export const EDIT_OTHERS_LEVEL = 3

/** Flags a member may raise in a day at each level (helpers and above: their role's). */
export const DAILY_FLAGS_BY_TRUST: Record<TrustLevel, number> = {
  0: 5,
  1: 10,
  2: 15,
  3: 20,
  4: 30,
}

/**
 * What a member's flag weighs at each level before accuracy (a helper's is 1.5). New accounts
 * weigh like basic ones: two people who report the same post should hide it, and new accounts
 * are held back by their smaller daily allowance instead.
 */
export const FLAG_WEIGHT_BY_TRUST: Record<TrustLevel, number> = {
  0: 1,
  1: 1,
  2: 1,
  3: 1.25,
  4: 1.5,
}

/** New-account limits: what a level-0 account may post (refused at the form, with when it lifts). */
export const NEW_ACCOUNT = {
  /** in the first 24 hours after signing up */
  firstDayQuestions: 3,
  firstDayAnswers: 10,
  /** between two posts of a level-0 account */
  secondsBetweenPosts: 30,
} as const

/** The URLs in a post's markdown (inline, reference, autolinks, bare), each once, lower-cased. */
export function linksIn(markdown: string): Set<string> {
  const urls = new Set<string>()
  for (const m of markdown.matchAll(/\bhttps?:\/\/[^\s)<>\]"']+|\bwww\.[^\s)<>\]"']+/gi))
    urls.add(m[0].toLowerCase())
  return urls
}

/** Links and images in a post's markdown: inline, reference, autolinks and bare URLs. */
export function countLinks(markdown: string): { links: number; images: number } {
  const images = (markdown.match(/!\[[^\]]*\]\([^)]*\)|<img\b/gi) ?? []).length
  // Every URL, images' included, counts as a link; the same URL twice counts once.
  return { links: linksIn(markdown).size, images }
}
