import { Form } from '@remix-run/react'
import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  openHref,
  QUICK_QUERY_MAX,
  QUICK_QUERY_MIN,
  type QuickSuggestion,
  type QuickSuggestions,
} from '~/modules/search/validation'

/** Quiet time after the last keystroke before suggestions are asked for. */
const DELAY_MS = 200

/**
 * The header's search box. Without JavaScript it is a plain GET form to the search page. With
 * it, the box becomes a combobox (the WAI-ARIA pattern with a listbox popup): suggestions from
 * /search/suggest while typing; the arrows choose one, Enter opens it (through the logged
 * click-through, as a search result), Escape closes the list; Enter with none chosen searches.
 * How many were found is announced in a status region.
 */
export function HeaderSearch() {
  const { t } = useTranslation()
  const listId = useId()
  const [enhanced, setEnhanced] = useState(false)
  const [result, setResult] = useState<QuickSuggestions | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  // The status region is put in once the box has had the focus: before results can arrive (so
  // they are announced), and not on every page for everyone (it would be one more status).
  const [engaged, setEngaged] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const inFlight = useRef<AbortController>()

  useEffect(() => {
    setEnhanced(true)
    return () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    }
  }, [])

  const items: QuickSuggestion[] = result ? [...result.kb, ...result.threads] : []
  const shown = open && items.length > 0
  const optionId = (i: number) => `${listId}-option-${i}`

  const close = () => {
    setOpen(false)
    setActive(-1)
  }

  const ask = (q: string) => {
    clearTimeout(timer.current)
    inFlight.current?.abort()
    if (q.trim().length < QUICK_QUERY_MIN) {
      setResult(null)
      close()
      return
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController()
      inFlight.current = controller
      fetch(`/search/suggest?${new URLSearchParams({ q }).toString()}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
        .then((res) => (res.ok ? (res.json() as Promise<QuickSuggestions>) : null))
        .then((json) => {
          if (!json || controller.signal.aborted) return
          setResult(json)
          setActive(-1)
          setOpen(true)
        })
        // Aborted by newer typing, or offline for a moment: keep what is shown.
        .catch(() => {})
    }, DELAY_MS)
  }

  const go = (item: QuickSuggestion) => {
    close()
    window.location.assign(
      openHref({ type: item.type, id: item.id, from: 'search', q: result?.q ?? null }),
    )
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (items.length === 0) return
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      // From the box down to the first, past the last back up to the box, and round again.
      setActive((i) => {
        if (!shown) return step === 1 ? 0 : items.length - 1
        const next = i + step
        if (next < -1) return items.length - 1
        return next >= items.length ? -1 : next
      })
      setOpen(true)
    } else if (event.key === 'Enter') {
      // Enter with a suggestion chosen opens it; otherwise the form searches, as without script.
      if (shown && active >= 0) {
        event.preventDefault()
        go(items[active])
      }
    } else if (event.key === 'Escape') {
      if (shown) {
        event.preventDefault()
        close()
      }
    } else if (event.key === 'Tab') close()
  }

  const announcement =
    result && result.q.length >= QUICK_QUERY_MIN && open
      ? items.length > 0
        ? t('search.quick.found', { count: items.length })
        : t('search.quick.none')
      : ''

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      // Named apart from the search page's own form: two search landmarks on that page.
      aria-label={t('nav.siteSearch')}
      className="header-search"
    >
      <label htmlFor="site-search" className="visually-hidden">
        {t('nav.search')}
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder={t('nav.searchPlaceholder')}
        maxLength={QUICK_QUERY_MAX}
        autoComplete="off"
        {...(enhanced
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': shown,
              'aria-controls': listId,
              'aria-activedescendant': shown && active >= 0 ? optionId(active) : undefined,
              onChange: (event: ChangeEvent<HTMLInputElement>) => ask(event.target.value),
              onKeyDown,
              onFocus: () => setEngaged(true),
              onBlur: close,
            }
          : {})}
      />
      {enhanced ? (
        <>
          <ul
            id={listId}
            role="listbox"
            aria-label={t('search.quick.listLabel')}
            className="quick-list"
            hidden={!shown}
          >
            {items.map((item, i) => (
              // Options are not focusable (focus stays in the box); a click chooses as Enter does.
              <li
                key={`${item.type}-${item.id}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="quick-option"
                // Keeps the focus in the box, so its blur does not close the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(item)}
              >
                <span className="quick-kind">
                  {item.type === 'kb' ? t('search.quick.article') : t('search.quick.thread')}
                </span>{' '}
                <span
                  className="quick-title"
                  // Escaped by the search module, with only our own <mark> tags added.
                  dangerouslySetInnerHTML={{ __html: item.titleHtml }}
                />
              </li>
            ))}
          </ul>
          {engaged ? (
            <p role="status" className="visually-hidden">
              {announcement}
            </p>
          ) : null}
        </>
      ) : null}
    </Form>
  )
}
