import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { dropReactStreamPadding, REACT_VIEW_SIZE } from '~/utils/stream-padding.server'

const run = (chunks: Buffer[]) => text(Readable.from(chunks).pipe(dropReactStreamPadding()))

/** A full buffer as React 18.3 sends it when the next character did not fit: zeros at its end. */
function padded(content: string) {
  const view = Buffer.alloc(REACT_VIEW_SIZE)
  view.write(content)
  return view
}

describe('the React stream padding filter', () => {
  it('drops the NULs React leaves at the end of a full buffer when the next character did not fit', async () => {
    const before = 'a'.repeat(REACT_VIEW_SIZE - 1)
    // "é" takes two bytes: one byte was left, React sent it as a zero and "é" in the next buffer.
    expect(await run([padded(before), Buffer.from('é and more')])).toBe(`${before}é and more`)
    const three = 'b'.repeat(REACT_VIEW_SIZE - 3)
    expect(await run([padded(three), Buffer.from('😀')])).toBe(`${three}😀`)
  })

  it('keeps zero bytes that are content, and chunks of any other size as they are', async () => {
    const full = Buffer.from(`${'c'.repeat(REACT_VIEW_SIZE - 1)}\u0000`)
    expect(await run([full, Buffer.from('ascii next')])).toBe(`${full.toString()}ascii next`)
    expect(await run([Buffer.from('x\u0000'), Buffer.from('é')])).toBe('x\u0000é')
    // A held buffer at the very end goes out whole.
    expect(await run([padded('end')])).toBe(padded('end').toString())
  })
})
