import type en from '../en/threads'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const threads: Translation<typeof en> = {}

export default threads
