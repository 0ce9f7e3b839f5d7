import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextAreaField } from '~/components/forms'
import { KbArticleFields } from '~/components/kb-article-fields'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { personWords } from '~/i18n/trans-values'
import { requireAllowed } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { getCandidateDraft, publishCandidate, rejectCandidate } from '~/modules/kb/promotion.server'
import { promotionSchema, REJECT_NOTE_MAX, rejectSchema } from '~/modules/kb/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid, notFound } from '~/utils/http.server'
import { previewReply, saveForm } from '~/utils/preview.server'
import { threadPath } from '~/utils/slug'
import kbStyles from '~/styles/kb.css'

const FIELDS = ['title', 'summary', 'body', 'category', 'tags', 'note'] as const

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, rawId: string | undefined) {
  const user = await requireAllowed(request, 'kb.manage')
  const id = z.coerce.number().int().positive().safeParse(rawId)
  // The moderator writes the article: the draft's headings are in their language.
  const t = await getT(request)
  const headings = { question: t('kb.promote.draftQuestion'), answer: t('kb.promote.draftAnswer') }
  const candidate = id.success ? getCandidateDraft(id.data, headings) : null
  if (!candidate) notFound(msg('kb.promote.notInQueue'))
  return { user, candidate, t }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { candidate, t } = await guard(request, params.candidateId)
  const title = t('kb.meta.promote', { title: candidate.question.title })
  return json({ title, candidate, categories: listCategories(await getLanguage(request)) })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['preview', 'publish', 'reject'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, candidate } = await guard(request, params.candidateId)
  const id = candidate.candidate.id
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  switch (form.get('intent')) {
    case 'preview':
      return previewReply(values)
    case 'publish':
      return saveForm(values, promotionSchema, async (input) => {
        const result = await publishCandidate(user, id, input)
        return result.ok ? { ok: true, location: `/kb/${result.slug}` } : result
      })
    case 'reject': {
      const parsed = rejectSchema.safeParse(values)
      if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
      rejectCandidate(user, id, parsed.data.note)
      return redirect('/kb/candidates?rejected=1')
    }
    default:
      throw new Response(msg('errors.unknownAction'), { status: 400 })
  }
}

export default function PromoteCandidate() {
  const { candidate, categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const { question, answer, author, draft } = candidate
  const values = data?.values ?? { ...draft, note: '' }
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/kb/candidates">{t('kb.promote.back')}</Link>
      </p>
      <h1>{t('kb.promote.title')}</h1>
      <section className="kb-source-thread" aria-labelledby="source-title">
        <h2 id="source-title">
          <Trans
            i18nKey="kb.promote.fromThread"
            values={{ title: question.title }}
            components={{
              thread: <Link to={threadPath(question)} />,
            }}
            {...personWords}
          />
        </h2>
        <p className="muted">
          {t('kb.promote.acceptedBy', {
            name: author.displayName,
            reputation: author.reputation,
            score: answer.score,
          })}
        </p>
        <details>
          <summary>{t('kb.promote.showSource')}</summary>
          <h3>{t('kb.promote.question')}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
          <h3>{t('kb.promote.acceptedAnswer')}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
        </details>
      </section>

      <p>{t('kb.promote.rewrite')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <KbArticleFields
          categories={categories}
          values={values}
          fieldErrors={errors}
          preview={data && 'preview' in data ? data.preview : null}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
            {busy ? t('kb.promote.publishing') : t('kb.promote.publish')}
          </button>
        </div>
      </Form>

      <section className="kb-reject" aria-labelledby="reject-title">
        <h2 id="reject-title">{t('kb.promote.notAFit')}</h2>
        <Form method="post" className="stack" noValidate>
          <TextAreaField
            label={t('kb.promote.whyNot')}
            name="note"
            defaultValue={values.note}
            error={errors.note}
            hint={t('kb.promote.whyNotHint', { max: REJECT_NOTE_MAX })}
            maxLength={REJECT_NOTE_MAX}
            rows={3}
          />
          <div className="form-actions">
            <button
              type="submit"
              name="intent"
              value="reject"
              className="button button-danger"
              disabled={busy}
            >
              {t('kb.promote.reject')}
            </button>
          </div>
        </Form>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
