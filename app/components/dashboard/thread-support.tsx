import { useTranslation } from 'react-i18next'
import type { SerializeFrom } from '@remix-run/node'
import type { ThreadSupportView } from '~/modules/surveys/surveys.server'
import { formatDate, useIntlLocale } from '~/components/time'
import { SurveyForm } from './survey-form'

type View = SerializeFrom<ThreadSupportView>

/**
 * On a thread: why it takes no new answers (solved long ago), and for its asker, the survey
 * about the help they got, answerable and changeable while it is open.
 */
export function ThreadSupport({ view }: { view: View }) {
  const { t } = useTranslation()
  const locale = useIntlLocale()
  const date = (d: string) => formatDate(new Date(d), locale, 'long')
  const { survey, answersClosed } = view
  return (
    <>
      {answersClosed ? (
        <p className="notice thread-closed-notice" role="note">
          {t('dashboard.thread.answersClosed', {
            count: answersClosed.days,
            date: date(answersClosed.since),
          })}
        </p>
      ) : null}
      {survey ? (
        <section id="survey" className="card survey-card" aria-labelledby="survey-title">
          <h2 id="survey-title">{t('dashboard.survey.title')}</h2>
          {survey.open ? (
            <>
              <p className="lead">
                {survey.rating === null
                  ? t('dashboard.survey.lead')
                  : t('dashboard.survey.answered', {
                      rating: survey.rating,
                      date: date(survey.closesAt),
                    })}
              </p>
              <SurveyForm
                action={`/questions/${view.questionId}/survey`}
                rating={survey.rating}
                comment={survey.comment}
                answered={survey.rating !== null}
              />
            </>
          ) : (
            <p>
              {survey.rating === null
                ? t('dashboard.survey.closedUnanswered')
                : t('dashboard.survey.closedAnswered', { rating: survey.rating })}
            </p>
          )}
        </section>
      ) : null}
    </>
  )
}
