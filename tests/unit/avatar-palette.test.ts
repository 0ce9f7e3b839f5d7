import { describe, expect, it } from 'vitest'
import { contrastWithWhite } from '~/components/post-meta'
import { AVATAR_COLOURS, isAvatarColour } from '~/modules/users/avatar'

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]

describe('the avatar colours a person may choose', () => {
  it.each(Object.entries(AVATAR_COLOURS))('%s keeps white initials at 4.5:1 or more', (_, hex) => {
    expect(contrastWithWhite(rgb(hex))).toBeGreaterThanOrEqual(4.5)
  })

  it('knows its own names and nothing else', () => {
    expect(isAvatarColour('teal')).toBe(true)
    expect(isAvatarColour('toString')).toBe(false)
    expect(isAvatarColour('#ffffff')).toBe(false)
  })
})
