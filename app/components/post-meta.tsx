import { Link } from '@remix-run/react'
import { RelativeTime } from './time'

type Person = { handle: string; displayName: string; role?: string; reputation?: number }

export function Avatar({ person, size = 32 }: { person: Person; size?: number }) {
  const initials = person.displayName
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
  // A stable hue per handle so the same person always looks the same.
  let hue = 0
  for (const ch of person.handle) hue = (hue * 31 + ch.charCodeAt(0)) % 360
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, background: `hsl(${hue} 45% 42%)` }}
    >
      {initials}
    </span>
  )
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
