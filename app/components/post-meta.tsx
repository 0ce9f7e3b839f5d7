import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import type { Role } from '../../db/schema'
import { AVATAR_COLOURS, isAvatarColour } from '~/modules/users/avatar'
import { shownName } from '~/modules/users/names'
import { RelativeTime, useNumber } from './time'

type Person = {
  handle: string
  displayName: string
  role?: string
  reputation?: number
  /** The colour the person chose (see AVATAR_COLOURS); otherwise one comes from the handle. */
  avatarColour?: string | null
}

export function Avatar({ person, size = 32 }: { person: Person; size?: number }) {
  const { t } = useTranslation()
  const initials = shownName(t, person)
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        background: isAvatarColour(person.avatarColour)
          ? AVATAR_COLOURS[person.avatarColour]
          : avatarColour(person.handle),
      }}
    >
      {initials}
    </span>
  )
}

/** White initials need 4.5:1 against the avatar (WCAG AA for small text). */
const AVATAR_MIN_CONTRAST = 4.5

/**
 * A stable colour per handle, so the same person always looks the same. The hue comes from the
 * handle; the lightness is lowered until white text reaches 4.5:1, because one lightness for
 * every hue leaves greens and yellows far too light. The result is a hex colour, so what is
 * measured here is exactly what the browser paints.
 */
export function avatarColour(handle: string): string {
  let hue = 0
  for (const ch of handle) hue = (hue * 31 + ch.charCodeAt(0)) % 360
  for (let lightness = 42; lightness > 0; lightness -= 1) {
    const rgb = hslToRgb(hue, 0.45, lightness / 100)
    if (contrastWithWhite(rgb) >= AVATAR_MIN_CONTRAST) return toHex(rgb)
  }
  return '#000000'
}

type Rgb = [number, number, number]

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness)
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    return Math.round((lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255)
  }
  return [f(0), f(8), f(4)]
}

/** WCAG 2 contrast ratio of white against an sRGB colour. */
export function contrastWithWhite([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  return 1.05 / (luminance + 0.05)
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`
}

const ROLE_LABELS = {
  member: 'roles.member',
  helper: 'roles.helper',
  moderator: 'roles.moderator',
  staff: 'roles.staff',
  admin: 'roles.admin',
} as const satisfies Record<Role, MessageKey>

/** A role as the page's language names it (nothing for members); an unknown one as it is. */
export function RolePill({ role }: { role: string | undefined }) {
  const { t } = useTranslation()
  if (!role || role === 'member') return null
  const label = role in ROLE_LABELS ? t(ROLE_LABELS[role as Role]) : role
  return <span className="role-pill">{label}</span>
}

/** "answered 3 hours ago by Budi (helper) · 120 reputation" */
export function Byline({
  verb,
  at,
  person,
}: {
  verb: 'asked' | 'answered' | 'posted' | 'edited'
  at: string | Date
  person: Person
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <div className="byline">
      <Avatar person={person} />
      <div>
        <span className="muted">
          <Trans
            i18nKey={`questions.byline.${verb}`}
            components={{ when: <RelativeTime value={at} /> }}
          />
        </span>
        <br />
        <Link to={`/users/${person.handle}`}>{shownName(t, person)}</Link>
        <RolePill role={person.role} />
        {person.reputation !== undefined ? (
          <span className="muted reputation" title={t('questions.byline.reputationTitle')}>
            {' '}
            · {t('questions.byline.reputation', { value: number(person.reputation) })}
          </span>
        ) : null}
      </div>
    </div>
  )
}

export function StatusBadge({
  status,
  closedReason,
}: {
  status: string
  closedReason?: string | null
}) {
  const { t } = useTranslation()
  if (closedReason)
    return (
      <span className="badge badge-closed">
        {closedReason === 'duplicate'
          ? t('questions.status.duplicate')
          : t('questions.status.closed')}
      </span>
    )
  const label =
    status === 'solved'
      ? t('questions.status.solved')
      : status === 'answered'
        ? t('questions.status.answered')
        : t('questions.status.open')
  return <span className={`badge badge-${status}`}>{label}</span>
}

export function TagList({ tags }: { tags: string[] }) {
  const { t } = useTranslation()
  if (tags.length === 0) return null
  return (
    <ul className="tags" aria-label={t('questions.tags')}>
      {tags.map((t) => (
        <li key={t}>
          <Link to={`/questions?tag=${encodeURIComponent(t)}`} className="tag">
            {t}
          </Link>
        </li>
      ))}
    </ul>
  )
}
