/** English words of reply templates, their outcomes and automatic suggestions (see ../en.ts). */
const replies = {
  meta: {
    list: 'Reply templates · Tanya',
    new: 'New reply template · Tanya',
    edit: 'Edit “{{title}}” · Tanya',
  },
  page: {
    title: 'Reply templates',
    lead: 'Saved replies for the answers we give again and again. Each one shows how it works out: how often it is used, how often it closes the thread, what askers rated it, and what they still asked afterwards.',
    new: 'New template',
    newTitle: 'New reply template',
    editTitle: 'Edit reply template',
    back: '← All templates',
    empty: 'No templates yet. Write the first one, or ship them as files in content/replies.',
    shipped: 'shipped with the site',
    shippedHint:
      'This template came with the site. Once you save it here, your version is kept even when the shipped file changes.',
  },
  visibility: {
    public: 'Helpers and staff',
    staff: 'Staff only',
  },
  languages: { en: 'English', id: 'Bahasa Indonesia' },
  form: {
    title: 'Title',
    category: 'Category',
    anyCategory: 'Any category',
    tags: 'Tags',
    tagsHint: 'Up to 5, separated by spaces or commas. They help find the template.',
    visibility: 'Who may use it',
    language: 'Language',
    body: 'Text',
    bodyHint:
      'Markdown. Variables, each with a fallback after the bar: {{variables}} (an article’s link).',
    create: 'Create template',
    save: 'Save template',
  },
  validation: {
    titleMin: 'Give the template a title of at least {{min}} characters.',
    titleMax: 'Keep the title under {{max}} characters.',
    bodyMin: 'Write at least {{min}} characters.',
    bodyMax: 'Keep the text under {{max}} characters.',
    unknownVariable:
      'Unknown variable: {{names}}. Use asker.name, question.title, helper.name or kb:article-slug.',
    unknownArticle: 'No published article has the address: {{slugs}}.',
    category: 'Choose a category from the list.',
    visibility: 'Choose who may use the template.',
    minRate: 'Enter a whole percentage from 50 to 100.',
    minUses: 'Enter a whole number of uses from 1 to 1000.',
  },
  figures: {
    uses: 'Uses',
    closureRate: 'Closure rate',
    ofDecided_one: 'of {{count}} decided use',
    ofDecided_other: 'of {{count}} decided uses',
    definition:
      'A use is decided once it closed its thread (its answer was accepted, or the asker rated it 4 or 5) or once it is 7 days old. Closure rate = closed uses ÷ decided uses.',
    rating: 'Average rating',
    ratings_one: '{{count}} rating',
    ratings_other: '{{count}} ratings',
    edited: 'Text changed before posting',
  },
  automation: {
    on: 'Answers new questions automatically',
    start: 'Answer automatically',
    stop: 'Stop answering automatically',
    tooFewUses:
      'Not automatic: it needs {{minUses}} decided uses to be judged, and has {{decided}}.',
    rateTooLow:
      'Not automatic: its closure rate is {{rate}}, below the {{minRate}} automation needs.',
  },
  refused: {
    tooFewUses: 'This template has not been used enough yet to answer by itself.',
    rateTooLow: 'This template does not close enough threads yet to answer by itself.',
  },
  settings: {
    title: 'When a template may answer by itself',
    lead: 'A template may answer new questions automatically only when its closure rate reaches the rate below over at least the number of uses below. If its rate later falls under the rate, automation switches itself off and staff are told here.',
    minRate: 'Closure rate needed (%)',
    minUses: 'Decided uses needed',
    save: 'Save limits',
  },
  notices: {
    title: 'Notices',
    switchedOff:
      'Automatic answers with “{{title}}” were switched off: its closure rate fell to {{rate}}.',
  },
  trend: {
    caption: 'Last 12 weeks: bars are uses, the line is the closure rate of each week’s uses.',
    table: 'The figures by week',
    tableCaption: 'Uses and closed threads by week for “{{title}}”',
    week: 'Week from',
    uses: 'Uses',
    closed: 'Closed (of decided uses)',
  },
  improve: {
    title: 'What to improve',
    none: 'No asker has come back with a follow-up after this template.',
  },
  picker: {
    summary_one: 'Insert a reply template ({{count}})',
    summary_other: 'Insert a reply template ({{count}})',
    search: 'Find a template',
    searchHint: 'Type to narrow the list; arrow keys move through it, Enter takes the first one.',
    listLabel: 'Reply templates',
    noMatch: 'No template matches.',
    chosen:
      'Inserted from the template “{{title}}”. Read it and change what you need before posting.',
    remove: 'Start again without it',
  },
  suggestion: {
    label: 'Automatic suggestion.',
    explain:
      'Posted by Tanya because it matched your question. A person will still answer if it does not help.',
    ask: 'Did this answer your question?',
    solved: 'This solved my problem',
    needHelp: 'I still need help',
    declinedByYou: 'You said you still need help: someone from the team will answer you.',
    declined: 'The asker said this did not solve it.',
  },
  notifications: {
    automationOff: 'Automatic answers with “{{title}}” were switched off: its closure rate fell.',
  },
  mail: {
    automationOffSubject: 'Automatic answers with “{{template}}” were switched off',
    automationOffText:
      'The reply template “{{template}}” no longer answers new questions by itself: its closure rate fell to {{rate, number}}%, below what automation needs. Look at what askers asked after it before switching it on again.',
    openTemplates: 'Open the templates',
  },
  auto: {
    articleBody:
      'This article in our help centre may answer your question: [{{title}}]({{href}})\n\n> {{summary}}',
  },
}

export default replies
