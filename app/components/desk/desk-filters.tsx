import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DESK_VIEWS, type DeskFilters } from '~/modules/escalation/desk-validation'
import { CategorySelect } from '~/components/category-select'

/** The desk's filters: a GET form, so each view is a link and works without JavaScript. */
export function DeskFilterForm({
  filters,
  categories,
}: {
  filters: Omit<DeskFilters, 'page'>
  categories: { slug: string; name: string }[]
}) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="desk-filters" aria-label={t('desk.filters.label')}>
      <fieldset>
        <legend>{t('desk.filters.show')}</legend>
        <div className="desk-views">
          {DESK_VIEWS.map((view) => (
            <label key={view}>
              <input type="radio" name="show" value={view} defaultChecked={filters.show === view} />{' '}
              {t(`desk.filters.${view}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="desk-selects">
        <div className="field">
          <label htmlFor="desk-category">{t('desk.filters.category')}</label>
          <CategorySelect
            id="desk-category"
            allLabel={t('desk.filters.allCategories')}
            categories={categories}
            defaultValue={filters.category}
          />
        </div>
        <div className="field">
          <label htmlFor="desk-level">{t('desk.filters.level')}</label>
          <select id="desk-level" name="level" defaultValue={filters.level ?? ''}>
            <option value="">{t('desk.filters.anyLevel')}</option>
            <option value="1">{t('desk.filters.level1')}</option>
            <option value="2">{t('desk.filters.level2')}</option>
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t('desk.filters.apply')}
        </button>
      </div>
    </Form>
  )
}
