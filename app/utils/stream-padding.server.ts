import { Transform } from 'node:stream'

/**
 * React 18.3's streaming renderer fills 2 KB buffers with `TextEncoder.encodeInto`; when the
 * next character needs more bytes than the buffer has left, it sends the whole buffer anyway,
 * and the unused bytes go out as NULs in the middle of the page (facebook/react#24985, fixed
 * only in React 19). Whichever text lands on such a boundary is corrupted: an "é", a "“",
 * anything outside ASCII. This transform drops exactly that padding: the 1–3 zero bytes at the
 * end of a full 2048-byte chunk when the next chunk starts with a character longer than the gap
 * they leave (the one that did not fit).
 */
export const REACT_VIEW_SIZE = 2048

/** How many bytes the UTF-8 sequence that starts with `lead` takes (0 for a non-lead byte). */
function sequenceLength(lead: number) {
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 0
  if (lead >= 0xc2) return 2
  return 0
}

function trailingZeros(chunk: Buffer) {
  let n = 0
  while (n < 3 && n < chunk.length && chunk[chunk.length - 1 - n] === 0) n++
  return n
}

export function dropReactStreamPadding() {
  let held: Buffer | null = null
  return new Transform({
    transform(data: Buffer | Uint8Array, _encoding, callback) {
      const chunk = Buffer.isBuffer(data)
        ? data
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      if (held) {
        const zeros = trailingZeros(held)
        const padding = chunk.length > 0 && sequenceLength(chunk[0]) > zeros ? zeros : 0
        this.push(padding ? held.subarray(0, held.length - padding) : held)
        held = null
      }
      // Only a full buffer ending in zeros can carry padding: wait for the next chunk to know.
      if (chunk.length === REACT_VIEW_SIZE && trailingZeros(chunk) > 0) held = chunk
      else this.push(chunk)
      callback()
    },
    flush(callback) {
      if (held) this.push(held)
      callback()
    },
  })
}
