import type en from '../en/dashboard'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const dashboard: Translation<typeof en> = {}

export default dashboard
