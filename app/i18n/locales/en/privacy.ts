/** English words of private questions and the helpers' queue (see ../en.ts). */
const privacy = {
  ask: {
    legend: 'Who can see this question?',
    public: 'Public — anyone can read and answer',
    publicHint: 'Best when others may have the same question: the answer helps them too.',
    private: 'Private — only you and our staff',
    privateHint:
      'For order numbers, addresses or anything personal. It never appears in search, lists or on your profile for others.',
    invalid: 'Choose public or private.',
  },
  badge: {
    private: 'Private',
    privateLabel: 'Private question: only its asker and staff can see it',
  },
  page: {
    askerNotice: 'Only you and our staff can see this question and its answers.',
    staffNotice: 'Private question: only its asker and staff can see it and answer it.',
    consentIntro:
      'If the answer could help other customers, you can let our staff publish this question. Check first that it holds nothing personal.',
    consentGiven: 'You allowed our staff to publish this question.',
    allow: 'Allow staff to publish this question',
    withdraw: 'Stop allowing it',
    staffConsent: 'The asker allowed publishing it.',
    staffNoConsent:
      'The asker has not allowed publishing it. “Make public” becomes available when they do.',
    makePublic: 'Make public',
  },
  errors: {
    alreadyPublic: 'This question is already public.',
    noConsent: 'Only with the asker’s consent, and they have not allowed publishing this question.',
    unknownAction: 'That is not something this form does.',
  },
  queue: {
    meta: 'Needs an answer · Tanya',
    nav: 'Queue',
    heading: 'Needs an answer',
    lead: 'Public questions in the tags and categories you follow that are waiting for a response, oldest first.',
    filters: 'Filter the queue',
    category: 'Category',
    tag: 'Tag',
    anyCategory: 'All that I follow',
    anyTag: 'All that I follow',
    apply: 'Show',
    clear: 'Clear filters',
    count_one: '{{value}} question waiting',
    count_other: '{{value}} questions waiting',
    waited: 'Waiting {{duration}}',
    escalatesIn: 'Escalates in {{duration}}',
    escalated: 'Escalated',
    overdue: 'Overdue',
    noTarget: 'No response target',
    askedBy: 'asked by {{name}}',
    empty: 'Nothing is waiting in what you follow. Well done!',
    emptyFiltered: 'Nothing is waiting with these filters.',
    followNothing: 'You do not follow any tags or categories yet.',
    followHint:
      'Follow the <tags>tags</tags> and <categories>categories</categories> you know well, and the questions waiting there appear here.',
    units: {
      d: '{{n}} d',
      h: '{{n}} h',
      m: '{{n}} min',
    },
  },
}

export default privacy
