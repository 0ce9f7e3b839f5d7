import { useRouteLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { findPersonalData, kindsOf, type PersonalDataKind } from '~/modules/personal-data/detect'
import { withChoice, type PersonalDataWarning } from '~/modules/personal-data/guard'
import { useQuestionReply } from '../question/action-data'

const KIND_WORDS = {
  email: 'threads.personalData.kinds.email',
  phone: 'threads.personalData.kinds.phone',
  order: 'threads.personalData.kinds.order',
  card: 'threads.personalData.kinds.card',
} as const

/** "a phone number and an e-mail address" in the page's language. */
function kindList(t: TFunction, kinds: PersonalDataKind[]) {
  const words = kinds.map((k) => t(KIND_WORDS[k]))
  if (words.length < 2) return words[0] ?? ''
  return t('threads.personalData.and', {
    first: words.slice(0, -1).join(', '),
    last: words[words.length - 1],
  })
}

/** Whether the form this sits in will publish: a private question needs no warning. */
function isPublic(form: HTMLFormElement | null) {
  const visibility = form?.elements.namedItem('visibility')
  return !(visibility instanceof RadioNodeList) || visibility.value !== 'private'
}

/**
 * The guard before a public post, placed just after the field it watches. With JavaScript it
 * warns while the person types; on submit the server checks again and, when it finds something,
 * sends the form back as typed with this warning and three ways on: edit it out, post anyway,
 * or (on the ask form) ask privately instead. The buttons keep the form's own intent and add
 * the choice to the URL they post to, so all of it works without JavaScript.
 */
export function PersonalDataGuard({
  warning,
  watch,
  action,
  intent,
  offerPrivate = false,
}: {
  warning: PersonalDataWarning | null | undefined
  /** The fields whose words are checked while typing. */
  watch: string[]
  /** The form's action (path and hash) and the intent its submit button sends. */
  action: string
  intent: string
  offerPrivate?: boolean
}) {
  const { t } = useTranslation()
  const anchor = useRef<HTMLDivElement>(null)
  const [enhanced, setEnhanced] = useState(false)
  const [live, setLive] = useState<PersonalDataKind[]>([])
  const watched = watch.join(' ')

  useEffect(() => {
    setEnhanced(true)
    const form = anchor.current?.closest('form') ?? null
    if (!form) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      const texts = watched.split(' ').map((name) => {
        const field = form.elements.namedItem(name)
        return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
          ? field.value
          : ''
      })
      setLive(isPublic(form) ? kindsOf(texts.flatMap((text) => findPersonalData(text))) : [])
    }
    const onInput = () => {
      clearTimeout(timer)
      timer = setTimeout(check, 300)
    }
    form.addEventListener('input', onInput)
    form.addEventListener('change', onInput)
    return () => {
      clearTimeout(timer)
      form.removeEventListener('input', onInput)
      form.removeEventListener('change', onInput)
    }
  }, [watched])

  const editOut = () => {
    const form = anchor.current?.closest('form')
    const field = form?.elements.namedItem(warning?.fields[0] ?? watch[0] ?? '')
    if (field instanceof HTMLElement) field.focus()
  }

  return (
    <div ref={anchor} className="personal-data-guard">
      {warning ? (
        <div className="notice notice-warning personal-data-warning" role="alert">
          <h3>{t('threads.personalData.heading')}</h3>
          <p>
            {t('threads.personalData.found', {
              what: kindList(t, warning.kinds),
              items: warning.items.map((i) => `“${i}”`).join(', '),
            })}
          </p>
          <p>{t('threads.personalData.why')}</p>
          <div className="form-actions">
            {enhanced ? (
              <button type="button" className="button button-secondary" onClick={editOut}>
                {t('threads.personalData.editOut')}
              </button>
            ) : null}
            {offerPrivate ? (
              <button
                type="submit"
                name="intent"
                value={intent}
                formAction={withChoice(action, 'ask-privately')}
                className="button"
              >
                {t('threads.personalData.askPrivately')}
              </button>
            ) : null}
            <button
              type="submit"
              name="intent"
              value={intent}
              formAction={withChoice(action, 'post-anyway')}
              className="button button-secondary"
            >
              {t('threads.personalData.postAnyway')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="personal-data-live" role="status">
        {!warning && live.length
          ? t('threads.personalData.typing', { what: kindList(t, live) })
          : null}
      </p>
    </div>
  )
}

/** The guard on the ask form: title and details, with "ask privately instead". */
export function AskPersonalDataGuard({
  warning,
}: {
  warning: PersonalDataWarning | null | undefined
}) {
  return (
    <PersonalDataGuard
      warning={warning}
      watch={['title', 'body']}
      action="/ask"
      intent="save"
      offerPrivate
    />
  )
}

/**
 * The guard on the question page's answer form. An answer on a private question is read by its
 * asker and staff only: nothing to warn of there.
 */
export function AnswerPersonalDataGuard({ path }: { path: string }) {
  const reply = useQuestionReply()
  const page = useRouteLoaderData<{ page?: { target?: { visibility?: string } } }>(
    'routes/questions.$questionId.($slug)',
  )
  if (page?.page?.target?.visibility === 'private') return null
  return (
    <PersonalDataGuard
      warning={reply.personalData}
      watch={['body']}
      action={`${path}#your-answer`}
      intent="answer"
    />
  )
}
