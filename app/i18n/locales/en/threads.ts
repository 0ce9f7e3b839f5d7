/** English words of merging duplicates, the personal-data guard and moderation notices (see ../en.ts). */
const threads = {
  merge: {
    heading: 'Merge into the original',
    into: 'Merge into question',
    intoHint:
      'Its number or link. This question’s answers move there with their authors, votes and history, and this address leads there from now on.',
    note: 'Note for the log (optional)',
    submit: 'Merge',
    notVisible:
      'That question is hidden, deleted, private or merged itself: answers merged into it would be lost to readers. Choose a public question.',
  },
  audit: {
    merged: 'Merged into question #{{original}} (answers moved: {{count}})',
  },
  notifications: {
    merged: '{{who}} merged your question “{{title}}” into this thread, with its answers',
    warned: 'A moderator warned you',
    silenced: 'Your account is read-only until <when></when>',
    suspended: 'Your account is suspended until <when></when>',
    banned: 'Your account is banned',
    sanctionedForGood: 'A moderator limited your account',
    reason: 'Reason: “{{reason}}”',
    readWhy: 'Read it on your account’s standing page',
  },
  mail: {
    mergedSubject: 'Your question was merged: {{title}}',
    mergedText:
      '{{who}} found that your question “{{duplicate}}” asks the same as “{{title}}” and merged them. Its answers are there now, and its old link leads there.',
    sanctionedWarned: 'A moderator has sent you a warning.',
    sanctionedSilenced:
      'A moderator has made your account read-only until {{until}}: you can read and remove your own posts, but not post, edit or vote.',
    sanctionedSuspended:
      'A moderator has suspended your account until {{until}}. You cannot log in until then.',
    sanctionedBanned: 'A moderator has banned your account.',
    reason: 'Reason: “{{reason}}”',
    openStanding: 'Read it on your account’s standing page',
  },
  personalData: {
    kinds: {
      email: 'an e-mail address',
      phone: 'a phone number',
      order: 'an order number',
      card: 'a card number',
    },
    heading: 'This looks like personal data',
    found: 'Everyone can read this post. It seems to contain {{what}}: {{items}}.',
    why: 'Anyone can copy it from a public page. Our team never needs it in public: ask privately and only staff will see it.',
    typing: 'Careful: this looks like {{what}}. Everyone can read this post.',
    editOut: 'Edit it out',
    postAnyway: 'Post anyway',
    askPrivately: 'Ask privately instead',
    and: '{{first}} and {{last}}',
  },
}

export default threads
