/** English words of trust levels, reputation and new-account limits (see ../en.ts). */
const trust = {
  levels: {
    '0': 'New',
    '1': 'Basic',
    '2': 'Member',
    '3': 'Regular',
    '4': 'Leader',
  },
  limits: {
    // `lift` names what is left before trust level 1 (see linkLimitLift in spam.server.ts)
    links:
      'New accounts may post at most {{max}} links. Remove some links for now. $t(trust.limits.lift.{{lift}})',
    images:
      'New accounts cannot post images yet. Describe the image in words, or link to it. $t(trust.limits.lift.{{lift}})',
    lift: {
      one: 'The limit lifts at trust level 1, after $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }) (levels are updated every {{every}} hours).',
      two: 'The limit lifts at trust level 1, after $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }) and $t(trust.limits.need.{{second}}, {"count": {{secondCount}} }) (levels are updated every {{every}} hours).',
      three:
        'The limit lifts at trust level 1, after $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }), $t(trust.limits.need.{{second}}, {"count": {{secondCount}} }) and $t(trust.limits.need.{{third}}, {"count": {{thirdCount}} }) (levels are updated every {{every}} hours).',
      soon: 'You have done what trust level 1 asks: the limit lifts when levels are next updated, within {{every}} hours.',
      locked: 'A moderator has set your trust level, so the limit stays until they change it.',
    },
    need: {
      age_one: 'waiting {{count}} more hour',
      age_other: 'waiting {{count}} more hours',
      visits_one: 'coming back on {{count}} more day',
      visits_other: 'coming back on {{count}} more days',
      reads_one: 'reading {{count}} more question',
      reads_other: 'reading {{count}} more questions',
    },
    tooSoon: {
      seconds_one:
        'New accounts wait {{seconds}} seconds between posts. You can post again in {{count}} second; your text is kept below.',
      seconds_other:
        'New accounts wait {{seconds}} seconds between posts. You can post again in {{count}} seconds; your text is kept below.',
      minutes_one:
        'New accounts wait between posts. You can post again in {{count}} minute; your text is kept below.',
      minutes_other:
        'New accounts wait between posts. You can post again in {{count}} minutes; your text is kept below.',
      hours_one:
        'New accounts wait between posts. You can post again in {{count}} hour; your text is kept below.',
      hours_other:
        'New accounts wait between posts. You can post again in {{count}} hours; your text is kept below.',
    },
    firstDayQuestions: {
      seconds_one:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} second; your text is kept below.',
      seconds_other:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} seconds; your text is kept below.',
      minutes_one:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} minute; your text is kept below.',
      minutes_other:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} minutes; your text is kept below.',
      hours_one:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} hour; your text is kept below.',
      hours_other:
        'On its first day an account may ask {{max}} questions. The limit lifts in {{count}} hours; your text is kept below.',
    },
    firstDayAnswers: {
      seconds_one:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} second; your text is kept below.',
      seconds_other:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} seconds; your text is kept below.',
      minutes_one:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} minute; your text is kept below.',
      minutes_other:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} minutes; your text is kept below.',
      hours_one:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} hour; your text is kept below.',
      hours_other:
        'On its first day an account may post {{max}} answers. The limit lifts in {{count}} hours; your text is kept below.',
    },
  },
  held: {
    question:
      'Your question is awaiting a moderator. Nobody else can see it until it is approved; this usually happens within a day.',
    answer:
      'Your answer is awaiting a moderator. Nobody else can see it until it is approved; this usually happens within a day.',
    moderator: 'Held for review before anyone saw it: {{reasons}}.',
  },
  rules: {
    firstPost: 'first post of a new account',
    newAccountLinks: 'links from a new account',
    repeated: 'the same text was posted in the last day',
    blockedWords: 'contains a blocked word',
    burst: 'many posts in a few minutes',
    edit: 'an edit of a post others could already see',
  },
  review: {
    held: 'Held by the spam rules',
    reasons: 'Why it was held',
    score: 'Spam score {{score}}',
    approve: 'Approve and publish',
    approveHint:
      'A new post is published as if posted now: followers are told and it is searchable. A held edit shows the post again as it was.',
    onlyApproveOrDelete: 'A held post is approved or deleted.',
  },
  reputation: {
    heading: 'Reputation',
    summary: '{{name}} has {{count}} reputation. Each change is listed below.',
    empty: 'Nothing has earned or cost reputation yet.',
    on: 'on',
    reasons: {
      upvote: 'Upvoted',
      downvote: 'Downvoted',
      voteRemoved: 'Vote withdrawn',
      accepted: 'Answer accepted',
      unaccepted: 'Acceptance withdrawn',
      postDeleted: 'Post deleted',
      postRestored: 'Post restored',
      imported: 'Reputation brought from the imported site',
      opening: 'Reputation earned before this history was kept',
    },
    deletedPost: 'a removed post',
    title: 'Reputation of {{name}} · Tanya',
    link: 'How this was earned',
    back: 'Back to the profile',
  },
  profile: {
    level: 'Trust level: {{level}}',
  },
  manage: {
    heading: 'Trust level',
    current: 'Trust level {{level}} ({{name}}), computed from activity.',
    locked: 'Trust level {{level}} ({{name}}), locked by a moderator.',
    level: 'Lock at level',
    unlock: 'Computed from activity (no lock)',
    submit: 'Save trust level',
    saved: 'The trust level was saved.',
    helperHeading: 'Helper',
    isHelper:
      'This person is a helper: they see the helpers’ queue, close duplicates and can escalate questions.',
    notHelper: 'Helpers see the helpers’ queue, close duplicates and can escalate questions.',
    makeHelper: 'Make a helper',
    removeHelper: 'Stop being a helper',
    helperSaved: 'The role was changed.',
    reason: 'Reason (for the audit log)',
    validation: {
      level: 'Choose a level from 0 to 4, or no lock',
    },
  },
  spam: {
    title: 'Spam rules · Tanya',
    heading: 'Spam rules',
    lead: 'Posts caught by these rules wait in the review queue before anyone sees them.',
    holdFirstPosts: 'Hold the first posts of new accounts for a moderator',
    words: 'Blocked words and phrases',
    wordsHint: 'One a line. A post containing any of them is held for review. At most {{max}}.',
    submit: 'Save spam rules',
    saved: 'The spam rules were saved.',
    validation: {
      tooMany: 'At most {{max}} words or phrases',
      tooLong: 'Each word or phrase at most {{max}} characters',
    },
  },
}

export default trust
