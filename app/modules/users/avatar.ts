/**
 * The colours a person may choose for the circle behind their initials. Client-safe: the
 * settings form, the avatar and the schema share the list. Every colour keeps white initials
 * at 4.5:1 or more (WCAG AA for small text); a unit test measures each one.
 */
export const AVATAR_COLOURS = {
  blue: '#1d4ed8',
  teal: '#0f766e',
  green: '#15803d',
  purple: '#7e22ce',
  pink: '#be185d',
  red: '#b91c1c',
  orange: '#c2410c',
  slate: '#334155',
} as const

export type AvatarColour = keyof typeof AVATAR_COLOURS
export const AVATAR_COLOUR_NAMES = Object.keys(AVATAR_COLOURS) as [AvatarColour, ...AvatarColour[]]

export function isAvatarColour(value: unknown): value is AvatarColour {
  return typeof value === 'string' && Object.hasOwn(AVATAR_COLOURS, value)
}
