import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Props = {
  type: 'question' | 'tag' | 'category'
  id: number
  /** The tag's or category's name, for the button's words. */
  name?: string
  following: boolean
  /** Where to come back to after the post. */
  returnTo: string
}

/** Follow or unfollow a thread, tag or category; a plain form, so it works without JavaScript. */
export function FollowButton({ type, id, name = '', following, returnTo }: Props) {
  const { t } = useTranslation()
  const label =
    type === 'question'
      ? t(following ? 'mail.follow.unfollowQuestion' : 'mail.follow.followQuestion')
      : type === 'tag'
        ? t(following ? 'mail.follow.unfollowTag' : 'mail.follow.followTag', { name })
        : t(following ? 'mail.follow.unfollowCategory' : 'mail.follow.followCategory', { name })
  return (
    <Form
      method="post"
      action="/follow"
      className="follow-form"
      style={{ margin: '0.5rem 0 1rem' }}
    >
      <input type="hidden" name="targetType" value={type} />
      <input type="hidden" name="targetId" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        name="intent"
        value={following ? 'unfollow' : 'follow'}
        className="button button-secondary button-small"
        title={following ? t('mail.follow.following') : undefined}
      >
        {label}
      </button>
    </Form>
  )
}
