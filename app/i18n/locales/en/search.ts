/** English words of the search pages and the ask form's suggestions (see ../en.ts). */
const search = {
  meta: {
    title: 'Search · Tanya',
    withQuery: '“{{q}}” · Search · Tanya',
  },
  page: {
    heading: 'Search',
    resultsHeading: 'Search results',
    intro:
      'One search covers the knowledge base and every community thread. Type what went wrong in a few words, like <first>{{one}}</first> or <second>{{two}}</second>.',
    // Searches the intro links to: words that find something in the demo community.
    exampleOne: 'refund GoPay',
    exampleTwo: 'JNE tracking',
    nothingFound: 'Nothing found for “{{q}}”',
    nothingFiltered: 'Nothing matches with these filters. Try clearing them, or use fewer words.',
    nothingTryOther: 'Try other or fewer words. If it is not here yet, the community can help.',
    ask: 'Ask the community',
    notWhatYouWanted: 'Not what you were looking for? <ask>Ask the community</ask>.',
  },
  form: {
    label: 'Search with filters',
    search: 'Search',
    placeholder: 'e.g. refund to GoPay, JNE tracking, sour V60',
    button: 'Search',
    filters: 'Filters',
    show: 'Show',
    types: {
      all: 'Everything',
      kb: 'Knowledge base',
      threads: 'Community threads',
    },
    category: 'Category',
    allCategories: 'All categories',
    tag: 'Tag',
    tagPlaceholder: 'e.g. gopay',
    threads: 'Threads',
    solvedAny: 'Solved or not',
    solvedOnly: 'Solved only',
    unsolved: 'Not solved yet',
    apply: 'Apply filters',
    clear: 'Clear filters',
  },
  results: {
    kbHeading: 'Knowledge base',
    articles_one: '{{n}} article',
    articles_other: '{{n}} articles',
    article: 'Article',
    allArticles: 'All {{n}} matching articles →',
    threadsHeading: 'Community threads',
    threads_one: '{{n}} thread',
    threads_other: '{{n}} threads',
    noThreads: 'No threads match.',
    noThreadsFiltered: 'No threads match with these filters.',
    acceptedAnswer: 'Accepted answer:',
    answers_one: '{{count}} answer',
    answers_other: '{{count}} answers',
  },
  notices: {
    longQuery_one: 'That was a long search: only the first word was used.',
    longQuery_other: 'That was a long search: only the first {{count}} words were used.',
    noneHasAll: 'No thread contains all of your words; these contain some of them.',
    fewHaveAll_one:
      'Only one thread contains all of your words (shown first); the others contain some of them.',
    fewHaveAll_other:
      'Only {{count}} threads contain all of your words (shown first); the others contain some of them.',
    noWords:
      'There are no words to search for in that. Try a few plain words, like “refund GoPay” or “JNE tracking”.',
    kbNoWords: 'There are no words to search for in that. Try a few plain words.',
    kbLoading: 'Knowledge-base articles are still loading; search again in a moment to see them.',
    failed: 'That search could not be run. Try fewer or simpler words.',
  },
  suggest: {
    found_one: '{{count}} suggested answer below the title',
    found_other: '{{count}} suggested answers below the title',
    title: 'These might already answer it',
    newTab: 'Each opens in a new tab, so your question stays here.',
    listLabel: 'Suggested answers',
    nothing:
      'Nothing in the knowledge base or the answered threads matches yet. Go ahead and post your question.',
    threadDetail_one: '{{category}} · {{count}} answer',
    threadDetail_other: '{{category}} · {{count}} answers',
  },
  tagLookup: {
    onePrefix: 'Give one tag prefix (q), not several',
    tooLong: 'Tags are at most {{max}} characters',
  },
}

export default search
