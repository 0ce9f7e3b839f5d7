/**
 * English words of e-mail: the messages themselves, the notification choices, follows, the
 * unsubscribe page and the admin's outbox (see ../en.ts).
 */
const mail = {
  // What each notification type is called on the choices page, with a line that says when it comes.
  types: {
    questionAnswered: {
      label: 'Answers to my questions',
      hint: 'Someone answers a question you asked.',
    },
    answerAccepted: { label: 'My answer accepted', hint: 'An asker accepts your answer.' },
    questionClosedDuplicate: {
      label: 'My question closed as a duplicate',
      hint: 'Your question already has an answer elsewhere.',
    },
    questionEscalated: {
      label: 'Escalated questions',
      hint: 'For staff: a question waited too long and comes to you.',
    },
    questionAssigned: {
      label: 'Questions assigned to me',
      hint: 'For staff: a colleague hands a question to you.',
    },
    questionAcknowledged: {
      label: 'Our team looking at my question',
      hint: 'Staff have picked up a question you asked.',
    },
    followedNewQuestion: {
      label: 'New questions where I follow',
      hint: 'A new question in a tag or category you follow.',
    },
    followedNewAnswer: {
      label: 'New answers where I follow',
      hint: 'A new answer in a thread you follow.',
    },
    mention: { label: 'Mentions of me', hint: 'Someone writes your @handle in a post.' },
    questionClosed: {
      label: 'My question closed',
      hint: 'A moderator closes a question you asked, with the reason.',
    },
    surveyRequested: {
      label: 'Survey after my question is solved',
      hint: 'Two short questions about the help you got, once a question you asked is solved.',
    },
    acceptReminder: {
      label: 'Reminders to accept an answer',
      hint: 'Your question has answers but none accepted: after 3 days, and once more after 7.',
    },
    questionLocked: {
      label: 'My question locked',
      hint: 'A moderator locks a thread you started, with the reason.',
    },
    questionMerged: {
      label: 'My question merged into another',
      hint: 'A moderator merges a question you asked or follow into the same question asked before; its answers move there.',
    },
    templateAutomationOff: {
      label: 'Automatic answers switched off (staff)',
      hint: 'A reply template stopped answering by itself because its closure rate fell.',
    },
    moderationSanctioned: {
      label: 'Moderators acting on my account',
      hint: 'A warning, or a limit on your account, with its reason and end.',
    },
    postHiddenByFlags: {
      label: 'My post hidden after flags',
      hint: 'Members flagged one of your posts and it waits for a moderator; you can still edit it.',
    },
  },
  // The one-line descriptions on the notifications page, for the types that page did not know.
  inApp: {
    escalated: 'Escalated to you (level {{level}})',
    followedQuestion: 'New question where you follow',
    followedAnswer: '{{who}} answered a thread you follow',
    mention: '{{who}} mentioned you',
  },
  message: {
    greeting: 'Hello {{name}},',
    openThread: 'Open the thread',
    openDesk: 'Open the desk',
    why: 'You get this e-mail because of your notification choices on {{site}}.',
    whyAlways:
      'You get this e-mail because it is about your account or one of your posts on {{site}}. Messages like this one are always sent and cannot be switched off.',
    manage: 'Choose what you get by e-mail',
    unsubscribe: 'Unsubscribe from these e-mails',
    answered: {
      subject: 'New answer to “{{title}}”',
      text: '{{who}} answered your question “{{title}}”:',
    },
    accepted: {
      subject: 'Your answer was accepted: “{{title}}”',
      text: '{{who}} accepted your answer to “{{title}}”. Thank you for helping.',
    },
    duplicate: {
      subject: 'Your question was closed as a duplicate: “{{title}}”',
      text: '{{who}} closed your question “{{title}}” as a duplicate. The answer may already be in “{{original}}”.',
      original: 'Open “{{original}}”',
    },
    escalated: {
      subject: 'Escalated (level {{level}}): “{{title}}”',
      text: 'The question “{{title}}” in {{category}} needs staff now.',
      why: 'Why: {{reason}}',
      note: 'In their words: “{{note}}”',
      waited: 'It has waited {{duration}} without a response.',
      level1:
        'You are on call, so it comes to you first. Acknowledge it on the desk so the asker knows someone is on it.',
      level2: 'Nobody acknowledged it in time, so it now goes to all staff and admins.',
    },
    escalatedMany: {
      subject_one: '{{count}} question escalated to you (level {{level}})',
      subject_other: '{{count}} questions escalated to you (level {{level}})',
      text_one:
        '{{count}} question needs staff now. It passed its response target or was brought to staff by hand.',
      text_other:
        '{{count}} questions need staff now. They passed their response targets or were brought to staff by hand.',
      item: '“{{title}}”, waited {{duration}}',
      open: 'Open the desk',
    },
    reasons: {
      sla: 'it passed the response target of its category',
      manual: 'a helper or moderator brought it to staff',
      unacknowledged: 'the first escalation was not acknowledged in time',
      other: '{{reason}}',
    },
    assigned: {
      subject: 'Assigned to you: “{{title}}”',
      text: '{{who}} assigned the question “{{title}}” to you.',
    },
    acknowledged: {
      subject: 'Our team is looking at “{{title}}”',
      text: 'A member of our support team has picked up your question “{{title}}” and will answer it.',
    },
    followedQuestion: {
      subject: 'New question in {{where}}: “{{title}}”',
      text: '{{who}} asked “{{title}}” in {{where}}, which you follow:',
    },
    followedAnswer: {
      subject: 'New answer on “{{title}}”',
      text: '{{who}} answered “{{title}}”, a thread you follow:',
    },
    mention: {
      subject: '{{who}} mentioned you in “{{title}}”',
      text: '{{who}} mentioned you in “{{title}}”:',
    },
    hiddenByFlags: {
      subject: 'Your post in “{{title}}” is hidden until a moderator looks at it',
      text: 'Members flagged your post in “{{title}}”, so it is hidden from everyone else until a moderator reviews it. You can still open and edit it.',
    },
    sanctioned: {
      subject: 'A message from the moderators',
      text: 'A moderator has acted on your account. Your notifications on the site say what it means and until when.',
      open: 'Open your notifications',
    },
    digest: {
      subject_one: 'Your daily summary: {{count}} update',
      subject_other: 'Your daily summary: {{count}} updates',
      intro: 'Here is what happened since your last summary:',
      more_one: '…and {{count}} more. See all on your notifications page.',
      more_other: '…and {{count}} more. See all on your notifications page.',
      openNotifications: 'Open your notifications',
    },
    someone: 'Someone',
    tag: 'the tag “{{name}}”',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    hoursMinutes: '{{hours}} and {{minutes}}',
  },
  settings: {
    meta: 'Notification choices · Tanya',
    title: 'Notification choices',
    menu: 'Notification choices',
    lead: 'Choose, for each kind of news, whether it shows here on the site and whether it comes by e-mail: at once, in one daily summary, or not at all.',
    kind: 'What',
    inApp: 'On the site',
    email: 'By e-mail',
    instant: 'At once',
    digest: 'Daily summary',
    off: 'Off',
    save: 'Save choices',
    invalid: 'Choose for each kind whether e-mail comes at once, daily or not at all.',
    saved: 'Your choices are saved.',
    noEmail: 'Your account has no e-mail address we can write to, so nothing is sent by e-mail.',
    follows: 'What you follow',
    followsLead:
      'New questions in the tags and categories you follow and new answers in the threads you follow reach you as chosen above.',
    followsEmpty: 'You follow nothing yet. Use “Follow” on a question, a tag or a category.',
    thread: 'Thread',
    tag: 'Tag',
    category: 'Category',
    unfollow: 'Unfollow',
    unfollowNamed: 'Unfollow {{name}}',
    unfollowed: 'You no longer follow {{name}}.',
    fromNotifications: 'Choose what you hear about and how',
  },
  follow: {
    follow: 'Follow',
    unfollow: 'Unfollow',
    followQuestion: 'Follow this question',
    unfollowQuestion: 'Unfollow this question',
    followTag: 'Follow the tag {{name}}',
    unfollowTag: 'Unfollow the tag {{name}}',
    followCategory: 'Follow {{name}}',
    unfollowCategory: 'Unfollow {{name}}',
    following: 'You follow this: new posts reach you as your notification choices say.',
  },
  unsubscribe: {
    meta: 'Unsubscribe · Tanya',
    title: 'Unsubscribe',
    confirm: 'Stop e-mails about “{{kind}}” to {{email}}?',
    confirmDigest: 'Stop the daily summary e-mails to {{email}}?',
    button: 'Unsubscribe',
    all: 'Unsubscribe from all e-mail',
    allHint:
      'You still see notifications on the site, and you can turn e-mails on again in your notification choices.',
    done: 'Done: no more e-mails about “{{kind}}”.',
    doneDigest: 'Done: no more daily summary e-mails.',
    doneAll:
      'Done: we will not send you any more notification e-mails. Only messages about your account or your posts (a moderator’s action, a post hidden after flags) still come: those cannot be switched off.',
    alwaysSent:
      'E-mails about “{{kind}}” tell you what happened to your account or your posts. They are always sent and cannot be switched off.',
    invalid:
      'This unsubscribe link is not valid. It may have been cut short: try copying the whole link from the e-mail, or sign in and change your notification choices.',
    manage: 'Change your notification choices',
    digestKind: 'Daily summary',
  },
  outbox: {
    meta: 'Outbox · Tanya',
    title: 'Outbox',
    lead: 'Every e-mail the site sends waits here until the delivery job hands it to the mail server, and stays here afterwards.',
    noSmtp:
      'No mail server is configured (SMTP_URL), so messages stay pending. You can read them here.',
    filter: 'Show',
    all: 'All',
    statuses: {
      pending: 'Pending',
      sent: 'Sent',
      dead: 'Failed for good',
    },
    counts: 'Messages by status',
    empty: 'No messages here.',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    created: 'Queued',
    attempts_one: '{{count}} attempt',
    attempts_other: '{{count}} attempts',
    nextAttempt: 'Next attempt',
    sentAt: 'Sent',
    lastError: 'Last error',
    kind: 'Kind',
    language: 'Language',
    open: 'Read',
    retry: 'Retry now',
    retried: 'The message will be sent on the next delivery run.',
    back: 'Back to the outbox',
    message: 'Message {{id}}',
    textVersion: 'Plain text',
    htmlVersion: 'HTML, as the recipient sees it',
    headers: 'Headers',
  },
  admin: {
    meta: 'Administration · Tanya',
    title: 'Administration',
    lead: 'The tools for running the site that your role opens.',
    menu: 'Administration',
    outbox: 'Outbox',
    outboxHint: 'E-mail waiting to go out, sent, or failed; read any message.',
    search: 'Search synonyms',
    searchHint: 'Words that should find each other in search.',
    spam: 'Spam rules',
    spamHint: 'Blocked words, and whether new accounts’ first posts wait for a moderator.',
    sla: 'Response targets',
    slaHint: 'How long each category may wait for a response before it escalates.',
    rota: 'On-call rota',
    rotaHint: 'Who receives escalations, and when.',
    desk: 'Escalation desk',
    deskHint: 'Escalated and assigned questions waiting for staff.',
    review: 'Review queue',
    reviewHint: 'Flagged posts waiting for a moderator’s decision.',
    dashboard: 'Support dashboard',
    dashboardHint:
      'Response times, satisfaction, automation, deflection and escalations, with trends and CSV.',
    audit: 'Audit log',
    auditHint: 'Every moderator’s and admin’s action, with its reason.',
    users: 'People',
    usersHint: 'Find accounts, change roles, see sanctions and flags, export a person’s data.',
    templates: 'Reply templates',
    templatesHint: 'Saved replies, how each one works out, and which ones answer by themselves.',
  },
}

export default mail
