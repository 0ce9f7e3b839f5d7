/** English words of moderating people: warnings, silence, suspension, bans (see ../en.ts). */
const moderation = {
  validation: {
    kind: 'Choose what to do',
    days: 'Enter a number of days from 1 to {{max}}',
    reasonRequired: 'Say why, in a few words: the person reads it',
    reasonTooLong: 'At most {{max}} characters',
  },
  errors: {
    alreadyLifted: 'This sanction has already ended or been lifted.',
  },
  kinds: {
    warn: 'Warn',
    silence: 'Silence (read-only)',
    suspend: 'Suspend',
    ban: 'Ban',
  },
  kindHints: {
    warn: 'A recorded message: the person reads it on their account’s standing page.',
    silence:
      'They can read and remove their own posts, but not post, edit or vote, for the days you set.',
    suspend: 'They are logged out at once and cannot log in until it ends.',
    ban: 'Logged out for good, until someone lifts the ban.',
  },
  page: {
    title: 'Moderation of {{name}} · Tanya',
    heading: 'Moderation of {{name}}',
    ownHeading: 'Your account’s standing',
    back: 'Back to the profile',
    inForce: 'In force now',
    none: 'No sanction is in force.',
    history: 'History',
    noHistory: 'Nothing has been recorded against this account.',
    newSanction: 'New sanction',
    kind: 'What to do',
    days: 'For how many days',
    daysHint: 'Only for silence and suspension.',
    reason: 'Reason',
    reasonHint: 'The person sees this reason, and so do other moderators.',
    submit: 'Apply',
    lift: 'Lift',
    liftLabel: 'Lift the {{kind}} from {{date}}',
    applied: 'Done: the person has been told.',
    lifted: 'Lifted.',
    by: 'by {{name}}',
    until: 'until <when></when>',
    forGood: 'until lifted',
    liftedOn: 'lifted <when></when>',
    ended: 'ended',
    moderate: 'Moderate this account',
    yourStanding: 'Your account’s standing',
  },
  notice: {
    readOnly:
      'Your account is read-only until <when></when>: you can read and remove your own posts, but not post, edit or vote. Reason: “{{reason}}”.',
    details: 'Details',
    suspended: 'This account is suspended until {{until}}. Reason: “{{reason}}”.',
    banned: 'This account is banned. Reason: “{{reason}}”.',
    warned: 'A moderator warned you: “{{reason}}”.',
  },
}

export default moderation
