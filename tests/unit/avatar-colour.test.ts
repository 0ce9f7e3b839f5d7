import { describe, expect, it } from 'vitest'
import { avatarColour, contrastWithWhite } from '~/components/post-meta'

function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

describe('avatar colours', () => {
  it('match the contrast figures WCAG publishes for known colours', () => {
    expect(contrastWithWhite([0, 0, 0])).toBeCloseTo(21, 5)
    expect(contrastWithWhite([255, 255, 255])).toBeCloseTo(1, 5)
    // #767676 is the lightest grey that reaches 4.5:1 on white.
    expect(contrastWithWhite([0x76, 0x76, 0x76])).toBeGreaterThanOrEqual(4.5)
    expect(contrastWithWhite([0x77, 0x77, 0x77])).toBeLessThan(4.5)
  })

  it('give white initials at least 4.5:1 for every hue a handle can map to', () => {
    // A one-character handle's hue is its code point, so these 360 cover every hue.
    for (let code = 0; code < 360; code++) {
      const handle = String.fromCharCode(code)
      expect(contrastWithWhite(rgbOf(avatarColour(handle))), `hue ${code}`).toBeGreaterThanOrEqual(
        4.5,
      )
    }
    // The green and the olive the demo once showed at about 3.3:1.
    for (const handle of ['nadia', 'budi', 'ayu', 'gilang', 'intan', 'sari'])
      expect(contrastWithWhite(rgbOf(avatarColour(handle))), handle).toBeGreaterThanOrEqual(4.5)
  })

  it('are stable per handle and differ between people', () => {
    expect(avatarColour('ayu')).toBe(avatarColour('ayu'))
    expect(avatarColour('ayu')).toMatch(/^#[0-9a-f]{6}$/)
    const demo = ['ayu', 'budi', 'citra', 'dewi', 'eko', 'gilang', 'intan', 'rizky']
    expect(new Set(demo.map(avatarColour)).size).toBeGreaterThan(4)
  })
})
