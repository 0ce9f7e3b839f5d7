/** English words of flags and the review queue (see ../en.ts). */
const flags = {
  reasons: {
    spam: 'Spam',
    rude: 'Rude or abusive',
    offTopic: 'Off-topic',
    needsStaff: 'Needs staff attention',
    other: 'Something else',
  },
  reasonHints: {
    spam: 'Advertising, or links that have nothing to do with the question.',
    rude: 'Insults, harassment or hateful words.',
    offTopic: 'Not about our products or this community.',
    needsStaff: 'Only our team can sort this out: an account, an order, a bug.',
    other: 'Say what is wrong in the note.',
  },
  form: {
    summary: 'Flag',
    whyQuestion: 'Why should moderators look at this question?',
    whyAnswer: 'Why should moderators look at this answer?',
    note: 'Tell moderators more',
    noteHint: 'Needed for “Something else”. At most {{max}} characters.',
    submit: 'Flag for moderators',
    thanks: 'Thank you. Moderators will look at the post you flagged.',
  },
  validation: {
    reason: 'Choose a reason',
    noteMax: 'At most {{max}} characters',
    noteNeeded: 'Say in a few words what is wrong',
  },
  errors: {
    already: 'You have already flagged this post.',
    limitHours_one:
      'You have used your {{max}} flags for today. You can flag again in {{count}} hour.',
    limitHours_other:
      'You have used your {{max}} flags for today. You can flag again in {{count}} hours.',
    limitMinutes_one:
      'You have used your {{max}} flags for today. You can flag again in {{count}} minute.',
    limitMinutes_other:
      'You have used your {{max}} flags for today. You can flag again in {{count}} minutes.',
  },
  notifications: {
    questionHidden:
      'Your question was hidden after flags from the community ({{why}}) until a moderator reviews it. You can still open and edit it',
    answerHidden:
      'Your answer was hidden after flags from the community ({{why}}) until a moderator reviews it. You can still open and edit it',
  },
  review: {
    nav: {
      link: 'Review',
      pending_one: '{{count}} flagged post to review',
      pending_other: '{{count}} flagged posts to review',
    },
    page: {
      meta: 'Review queue · Tanya',
      heading: 'Review queue',
      intro:
        'Flagged posts, oldest first. Claim an item before you decide it, so that nobody else works on it at the same time.',
      empty: 'Nothing to review. Posts people flag will appear here.',
      emptyFiltered: 'No flagged post matches these filters.',
      total_one: '{{value}} item',
      total_other: '{{value}} items',
      filters: 'Filter the queue',
      reason: 'Reason',
      anyReason: 'Any reason',
      kind: 'Kind',
      anyKind: 'Questions and answers',
      questions: 'Questions',
      answers: 'Answers',
      showAll: 'Show every flagged post',
      apply: 'Filter',
    },
    item: {
      question: 'Question by {{name}}',
      answer: 'Answer by {{name}}',
      on: 'On “{{title}}”',
      open: 'Open the thread',
      score_one: 'Score {{score}} from {{count}} flag',
      score_other: 'Score {{score}} from {{count}} flags',
      firstFlagged: 'First flagged',
      hiddenByFlags: 'Hidden by flags',
      hidden: 'Hidden',
      deleted: 'Deleted',
      banned: 'Author banned',
      flags: 'Flags',
      weight: 'weight {{weight}}',
      claimedByYou: 'You are reviewing this; your claim ends {{time}}.',
      claimedBy: '{{name}} is reviewing this; the claim ends {{time}}.',
    },
    actions: {
      label: 'Decide',
      claim: 'Claim',
      release: 'Release',
      approve: 'Approve: keep it',
      ignore: 'Ignore the flags',
      hide: 'Hide…',
      delete: 'Delete…',
      whyHide: 'Why hide it?',
      whyDelete: 'Why delete it?',
      submitHide: 'Hide the post',
      submitDelete: 'Delete the post',
      spammer: 'Delete spammer…',
      spammerWarning:
        'Hides every post by {{name}} and bans the account; its sessions end at once.',
      spammerReason: 'Reason for the ban (the person reads it)',
      spammerSubmit: 'Hide all posts and ban',
      restore: 'Restore…',
      restoreDeleted:
        'The post was deleted. Restoring brings it back for everyone and declines its flags.',
      restoreHidden:
        'The post is hidden. Restoring shows it to everyone again and declines its flags.',
      restoreSubmit: 'Restore the post',
      edit: 'Edit',
      editQuestion: 'Edit the question by {{name}}',
      editAnswer: 'Edit the answer by {{name}}',
    },
    done: {
      claimed: 'The item is yours for {{count}} minutes.',
      released: 'You let go of the item.',
      approve: 'Approved: the post stays, and its flags were declined.',
      ignore: 'The flags were ignored; nothing changed.',
      hide: 'The post is hidden.',
      delete: 'The post is deleted.',
      spammer: 'Every post by the author is hidden and the account is banned.',
      restore: 'The post is back for everyone, and its flags were declined.',
      edited: 'Your edit is saved. The item stays in the queue until someone decides it.',
    },
    errors: {
      decided: 'Someone has already decided this item.',
      notRemoved: 'This post is not deleted or hidden, so there is nothing to restore.',
      claimed_one:
        '{{name}} is reviewing this item. Try again in {{count}} minute, or pick another one.',
      claimed_other:
        '{{name}} is reviewing this item. Try again in {{count}} minutes, or pick another one.',
    },
  },
}

export default flags
