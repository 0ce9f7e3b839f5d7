import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Actor, type AnswerTarget, type QuestionTarget } from '~/modules/policy/policy'
import { FlagForm } from '../flags/flag-form'
import { ReasonField } from '../audit/reason-field'
import { useQuestionReply } from './action-data'
import { RemovalForm } from './removal-form'

type Props = {
  viewer: Actor | null
  path: string
  editHref: string
  historyHref: string
  edited: boolean
} & (
  | { what: 'question'; target: QuestionTarget; answerId?: undefined }
  | { what: 'answer'; target: AnswerTarget; answerId: number }
)

/** Edit, history, and the removal tools the viewer may use on one post. */
export function PostActions(props: Props) {
  const { viewer, path, editHref, historyHref, edited, what, answerId } = props
  const { t } = useTranslation()
  const may = (verb: 'edit' | 'delete' | 'hide' | 'unhide' | 'restore' | 'flag') =>
    props.what === 'question'
      ? can(viewer, `question.${verb}`, props.target)
      : can(viewer, `answer.${verb}`, props.target)
  const reply = useQuestionReply()
  const mine = reply.values?.bringBackTarget === (answerId ? `answer-${answerId}` : 'question')
  // Bringing a post back needs no reason; one may be given for the log.
  const simple = (verb: 'unhide' | 'restore', label: string) =>
    may(verb) ? (
      <Form method="post" action={path} className="bring-back" preventScrollReset noValidate>
        {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
        <ReasonField
          brief
          name="why"
          defaultValue={mine ? reply.values?.why : ''}
          error={mine ? reply.fieldErrors?.why : undefined}
        />
        <button
          type="submit"
          name="intent"
          value={`${verb}-${what}`}
          className="button button-secondary button-small"
        >
          {label}
        </button>
      </Form>
    ) : null
  return (
    <div className="post-links">
      {may('edit') ? <Link to={editHref}>{t('questions.actions.edit')}</Link> : null}
      {edited ? <Link to={historyHref}>{t('questions.actions.history')}</Link> : null}
      {simple(
        'restore',
        what === 'question'
          ? t('questions.actions.restoreQuestion')
          : t('questions.actions.restoreAnswer'),
      )}
      {simple(
        'unhide',
        what === 'question'
          ? t('questions.actions.unhideQuestion')
          : t('questions.actions.unhideAnswer'),
      )}
      {may('hide') ? <RemovalForm verb="hide" what={what} answerId={answerId} path={path} /> : null}
      {may('delete') ? (
        <RemovalForm verb="delete" what={what} answerId={answerId} path={path} />
      ) : null}
      {may('flag') ? <FlagForm what={what} answerId={answerId} path={path} /> : null}
    </div>
  )
}
