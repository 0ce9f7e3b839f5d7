/** A readable URL segment from a title; ids carry identity, the slug is only for people. */
export function slugify(text: string, max = 80): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || 'question'
  )
}

/** A thread's address (its id, then its title as a slug), at an answer when one is given. */
export function threadPath(q: { id: number; title: string }, answerId?: number | null): string {
  return `/questions/${q.id}/${slugify(q.title)}${answerId ? `#answer-${answerId}` : ''}`
}
