import { Link } from '@remix-run/react'
import { RelativeTime } from './time'

type Person = { handle: string; displayName: string; role?: string; reputation?: number }

export function Avatar({ person, size = 32 }: { person: Person; size?: number }) {
  const initials = person.displayName
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, background: avatarColour(person.handle) }}
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

/** "answered 3 hours ago by Budi (helper) · 120 reputation" */
export function Byline({ verb, at, person }: { verb: string; at: string | Date; person: Person }) {
  return (
    <div className="byline">
      <Avatar person={person} />
      <div>
        <span className="muted">
          {verb} <RelativeTime value={at} />
        </span>
        <br />
        <Link to={`/users/${person.handle}`}>{person.displayName}</Link>
        {person.role && person.role !== 'member' ? (
          <span className="role-pill">{person.role}</span>
        ) : null}
        {person.reputation !== undefined ? (
          <span className="muted reputation" title="reputation">
            {' '}
            · {person.reputation} rep
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
  if (closedReason)
    return (
      <span className="badge badge-closed">
        {closedReason === 'duplicate' ? 'Duplicate' : 'Closed'}
      </span>
    )
  const label = status === 'solved' ? 'Solved' : status === 'answered' ? 'Answered' : 'Open'
  return <span className={`badge badge-${status}`}>{label}</span>
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <ul className="tags" aria-label="Tags">
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
