import { Form, Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { QUESTION_SORTS, type ListFilters } from '~/modules/questions/validation'
import { CategorySelect } from '~/components/category-select'

type Props = {
  filters: Pick<ListFilters, 'category' | 'status' | 'tag' | 'sort'>
  categories: { slug: string; name: string }[]
}

/** The question list's filters (a plain GET form) and its sort tabs, which keep the filters. */
export function QuestionFilters({ filters, categories }: Props) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const sortHref = (sort: string) => {
    const next = new URLSearchParams(params)
    next.set('sort', sort)
    next.delete('page')
    return `?${next.toString()}`
  }
  return (
    <>
      <Form method="get" className="filters" aria-label={t('questions.list.filters')}>
        <label>
          {t('questions.list.category')}
          <CategorySelect
            allLabel={t('questions.list.allCategories')}
            categories={categories}
            defaultValue={filters.category}
          />
        </label>
        <label>
          {t('questions.list.status')}
          <select name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('questions.list.anyStatus')}</option>
            <option value="open">{t('questions.list.statusOpen')}</option>
            <option value="answered">{t('questions.list.statusAnswered')}</option>
            <option value="solved">{t('questions.list.statusSolved')}</option>
          </select>
        </label>
        <label>
          {t('questions.list.tag')}
          <input
            name="tag"
            defaultValue={filters.tag ?? ''}
            placeholder={t('questions.list.tagPlaceholder')}
          />
        </label>
        <input type="hidden" name="sort" value={filters.sort} />
        <button type="submit" className="button button-secondary">
          {t('questions.list.apply')}
        </button>
        {filters.category || filters.status || filters.tag ? (
          <Link to="/questions">{t('questions.list.clear')}</Link>
        ) : null}
      </Form>

      <nav className="sort-tabs" aria-label={t('questions.list.sortBy')}>
        {QUESTION_SORTS.map((s) => (
          <Link key={s} to={sortHref(s)} aria-current={filters.sort === s ? 'page' : undefined}>
            {t(`questions.list.sort.${s}`)}
          </Link>
        ))}
      </nav>
    </>
  )
}
