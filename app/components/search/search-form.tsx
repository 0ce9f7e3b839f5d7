import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SEARCH_TYPES, type SearchType } from '~/modules/search/validation'
import { CategorySelect } from '~/components/category-select'

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
  const { t } = useTranslation()
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      // The header's search is "Site search"; this one carries the filters too.
      aria-label={t('search.form.label')}
      className="search-form"
    >
      <div className="search-box">
        <label htmlFor="search-q">{t('search.form.search')}</label>
        <div className="search-box-row">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder={t('search.form.placeholder')}
            maxLength={2000}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t('search.form.button')}
          </button>
        </div>
      </div>
      <fieldset className="filters search-filters">
        <legend className="visually-hidden">{t('search.form.filters')}</legend>
        <label>
          {t('search.form.show')}
          <select name="type" defaultValue={params.type}>
            {SEARCH_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`search.form.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.form.category')}
          <CategorySelect
            allLabel={t('search.form.allCategories')}
            categories={categories}
            defaultValue={params.category}
          />
        </label>
        <label>
          {t('search.form.tag')}
          <input
            name="tag"
            defaultValue={params.tag ?? ''}
            placeholder={t('search.form.tagPlaceholder')}
            maxLength={60}
          />
        </label>
        <label>
          {t('search.form.threads')}
          <select name="solved" defaultValue={params.solved ?? ''}>
            <option value="">{t('search.form.solvedAny')}</option>
            <option value="solved">{t('search.form.solvedOnly')}</option>
            <option value="unsolved">{t('search.form.unsolved')}</option>
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t('search.form.apply')}
        </button>
        {clearHref ? <Link to={clearHref}>{t('search.form.clear')}</Link> : null}
      </fieldset>
    </Form>
  )
}
