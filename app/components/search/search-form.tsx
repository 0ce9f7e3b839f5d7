import { Form, Link } from '@remix-run/react'
import type { SearchType } from '~/modules/search/validation'

const TYPE_LABELS: Record<SearchType, string> = {
  all: 'Everything',
  kb: 'Knowledge base',
  threads: 'Community threads',
}

type Props = {
  params: {
    q: string
    type: SearchType
    category: string | null
    tag: string | null
    solved: string | null
  }
  categories: { slug: string; name: string }[]
  /** Where "Clear filters" leads, when a filter is set. */
  clearHref: string | null
}

/** The search page's own form: the words, what to show, and the filters. Plain GET. */
export function SearchForm({ params, categories, clearHref }: Props) {
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      // The header's search is "Site search"; this one carries the filters too.
      aria-label="Search with filters"
      className="search-form"
    >
      <div className="search-box">
        <label htmlFor="search-q">Search</label>
        <div className="search-box-row">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="e.g. refund to GoPay, JNE tracking, sour V60"
            maxLength={2000}
            autoComplete="off"
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </div>
      <fieldset className="filters search-filters">
        <legend className="visually-hidden">Filters</legend>
        <label>
          Show
          <select name="type" defaultValue={params.type}>
            {(Object.keys(TYPE_LABELS) as SearchType[]).map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select name="category" defaultValue={params.category ?? ''}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <input
            name="tag"
            defaultValue={params.tag ?? ''}
            placeholder="e.g. gopay"
            maxLength={60}
          />
        </label>
        <label>
          Threads
          <select name="solved" defaultValue={params.solved ?? ''}>
            <option value="">Solved or not</option>
            <option value="solved">Solved only</option>
            <option value="unsolved">Not solved yet</option>
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          Apply filters
        </button>
        {clearHref ? <Link to={clearHref}>Clear filters</Link> : null}
      </fieldset>
    </Form>
  )
}
