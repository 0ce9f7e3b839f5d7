import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from './forms'
import { useNumber } from './time'

export type TagCount = { name: string; count: number }

type Props = {
  label: string
  name: string
  defaultValue?: string
  error?: string
  hint?: ReactNode
  /** The most used tags, listed under the field for everyone (the only help without JavaScript). */
  existing: TagCount[]
}

/** Typing pauses this long before asking the server, so a fast typist sends one request. */
const SUGGEST_DELAY_MS = 120
/** What separates tags in the field, as `splitTags` reads it. */
const SEPARATOR = /[\s,]/
/** The tag alphabet; a word with anything else in it cannot be the start of a tag. */
const TAG_PREFIX = /^[a-z0-9-]{1,30}$/

/**
 * The tags field: one text input holding several space-separated tags, so that it posts the
 * same with or without JavaScript. With JavaScript it becomes an ARIA combobox that offers
 * existing tags for the word at the caret (arrows to move, Enter to pick, Escape to close);
 * `<datalist>` was not enough, as browsers match it against the whole value, not the last word.
 */
export function TagField({ label, name, defaultValue, error, hint, existing }: Props) {
  const { t } = useTranslation()
  const number = useNumber()
  const questionCount = (n: number) =>
    t('questions.tagField.questions', { count: n, value: number(n) })
  const combo = useTagCombobox()
  return (
    <div className="tag-field">
      <Field label={label} error={error} hint={hint}>
        {({ id, describedBy, invalid }) => (
          <div className="combobox">
            <input
              ref={combo.inputRef}
              id={id}
              name={name}
              defaultValue={defaultValue}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...combo.inputProps}
            />
            {combo.enhanced ? (
              <ul
                id={combo.listId}
                role="listbox"
                aria-label={t('questions.tagField.suggested')}
                className="combobox-list"
                hidden={!combo.open}
              >
                {combo.options.map((tag, i) => (
                  <li
                    key={tag.name}
                    id={combo.optionId(i)}
                    role="option"
                    aria-selected={i === combo.active}
                    className="combobox-option"
                    // Keeps the focus (and the caret) in the field while the pointer picks.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => combo.pick(tag.name)}
                  >
                    <span className="combobox-option-name">{tag.name}</span>
                    <span className="combobox-option-count">{questionCount(tag.count)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {combo.enhanced ? (
              <p className="visually-hidden" role="status">
                {combo.announcement}
              </p>
            ) : null}
          </div>
        )}
      </Field>
      {existing.length > 0 ? (
        <details className="existing-tags">
          <summary>{t('questions.tagField.existing')}</summary>
          <ul className="tags" aria-label={t('questions.tagField.existingList')}>
            {existing.map((tag) => (
              <li key={tag.name}>
                <span className="tag">
                  {tag.name} <span className="tag-count">{questionCount(tag.count)}</span>
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

/** Where the word at the caret starts and ends, and what of it is typed before the caret. */
function wordAt(value: string, caret: number) {
  let start = caret
  while (start > 0 && !SEPARATOR.test(value[start - 1])) start--
  let end = caret
  while (end < value.length && !SEPARATOR.test(value[end])) end++
  const typed = value.slice(start, caret).toLowerCase().replace(/^#/, '')
  return { start, end, typed }
}

function useTagCombobox() {
  const { t } = useTranslation()
  const baseId = useId()
  const listId = `${baseId}-tags`
  const optionId = (i: number) => `${baseId}-tag-${i}`
  const inputRef = useRef<HTMLInputElement>(null)
  const [enhanced, setEnhanced] = useState(false)
  const [options, setOptions] = useState<TagCount[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const inFlight = useRef<AbortController>()
  // Answers per prefix: typing back and forth over a word asks the server once per prefix.
  const cache = useRef(new Map<string, TagCount[]>())

  useEffect(() => {
    setEnhanced(true)
    return () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    }
  }, [])

  const close = useCallback(() => {
    clearTimeout(timer.current)
    inFlight.current?.abort()
    setOpen(false)
    setActive(-1)
  }, [])

  const show = useCallback((found: TagCount[], input: HTMLInputElement) => {
    // Tags already in the field are not offered again, nor the word typed when it is a whole
    // tag already: there is nothing left to complete, and a list would only cover the form.
    const chosen = new Set(
      input.value
        .toLowerCase()
        .replace(/#/g, '')
        .split(/[\s,]+/),
    )
    const fresh = found.filter((t) => !chosen.has(t.name))
    setOptions(fresh)
    setActive(-1)
    setOpen(fresh.length > 0)
  }, [])

  const suggest = useCallback(
    (input: HTMLInputElement) => {
      clearTimeout(timer.current)
      const { typed } = wordAt(input.value, input.selectionStart ?? input.value.length)
      if (!TAG_PREFIX.test(typed)) return close()
      const known = cache.current.get(typed)
      if (known) return show(known, input)
      timer.current = setTimeout(() => {
        inFlight.current?.abort()
        const controller = new AbortController()
        inFlight.current = controller
        fetch(`/resources/tags?${new URLSearchParams({ q: typed }).toString()}`, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        })
          .then((res) => (res.ok ? (res.json() as Promise<{ tags: TagCount[] }>) : null))
          .then((json) => {
            if (!json || controller.signal.aborted) return
            cache.current.set(typed, json.tags)
            show(json.tags, input)
          })
          // Aborted by newer typing, or offline for a moment: the field still works as typed.
          .catch(() => {})
      }, SUGGEST_DELAY_MS)
    },
    [close, show],
  )

  /** Replaces the word at the caret with the tag, adds a space and leaves the caret after it. */
  const pick = useCallback(
    (tag: string) => {
      const input = inputRef.current
      if (!input) return
      const { start, end } = wordAt(input.value, input.selectionStart ?? input.value.length)
      const before = input.value.slice(0, start)
      const after = input.value.slice(end).replace(/^[\s,]+/, '')
      input.value = `${before}${tag} ${after}`
      const caret = before.length + tag.length + 1
      input.setSelectionRange(caret, caret)
      input.focus()
      close()
    },
    [close],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        // A closed list opens again, for the word at the caret now, with nothing chosen yet.
        if (!open) return suggest(event.currentTarget)
        setActive((a) => (a + 1) % count)
        return
      case 'ArrowUp':
        if (!open) return
        event.preventDefault()
        setActive((a) => (a <= 0 ? count - 1 : a - 1))
        return
      case 'Enter':
        // Without a highlighted tag, Enter submits the form as it always does.
        if (open && active >= 0) {
          event.preventDefault()
          pick(options[active].name)
        }
        return
      case 'Escape':
        if (open) {
          event.preventDefault()
          close()
        }
        return
    }
  }

  // The caret moved to another word: what is offered follows it (or the list closes).
  const onCaretMove = (event: { currentTarget: HTMLInputElement; key?: string }) => {
    if (!open) return
    if (event.key === undefined || ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
      suggest(event.currentTarget)
  }

  const announcement =
    open && options.length > 0 ? t('questions.tagField.announce', { count: options.length }) : ''

  const inputProps = enhanced
    ? {
        role: 'combobox',
        'aria-autocomplete': 'list' as const,
        'aria-expanded': open,
        'aria-controls': listId,
        'aria-activedescendant': open && active >= 0 ? optionId(active) : undefined,
        onInput: (event: { currentTarget: HTMLInputElement }) => suggest(event.currentTarget),
        onKeyDown,
        onKeyUp: onCaretMove,
        onClick: onCaretMove,
        onBlur: close,
      }
    : {}

  return {
    enhanced,
    inputRef,
    inputProps,
    listId,
    optionId,
    options,
    open,
    active,
    pick,
    announcement,
  }
}
