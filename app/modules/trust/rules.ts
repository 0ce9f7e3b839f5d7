/** The spam rules' codes (stored on held review items) and their words: client-safe. */
import type { MessageKey } from '../../i18n/keys'

export const SPAM_RULES = [
  'first-post',
  'new-account-links',
  'repeated',
  'blocked-words',
  'burst',
] as const
export type SpamRule = (typeof SPAM_RULES)[number]

export const SPAM_RULE_LABELS: Record<SpamRule, MessageKey> = {
  'first-post': 'trust.rules.firstPost',
  'new-account-links': 'trust.rules.newAccountLinks',
  repeated: 'trust.rules.repeated',
  'blocked-words': 'trust.rules.blockedWords',
  burst: 'trust.rules.burst',
}

/**
 * Not a rule but a mark beside them: the rules caught an edit of a post that was already public
 * (so approving it shows the post again instead of publishing it as new).
 */
export const EDIT_MARK = 'edit'
export type HoldReason = SpamRule | typeof EDIT_MARK

/** A stored code's words; an unknown code (a rule since removed) is shown as it is. */
export const ruleLabel = (code: string): MessageKey | null =>
  code === EDIT_MARK
    ? 'trust.rules.edit'
    : (SPAM_RULES as readonly string[]).includes(code)
      ? SPAM_RULE_LABELS[code as SpamRule]
      : null

/** The staff's blocked list: how many words or phrases, how long each, the whole text. */
export const BLOCKED_WORDS_MAX = 200
export const BLOCKED_WORD_LENGTH = 60
export const BLOCKED_WORDS_TEXT_MAX = BLOCKED_WORDS_MAX * (BLOCKED_WORD_LENGTH + 2)
