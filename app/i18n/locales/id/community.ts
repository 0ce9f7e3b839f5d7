import type en from '../en/community'
import type { Translation } from '../../keys'

/** Kata-kata halaman community dalam Bahasa Indonesia (lihat ../id.ts). */
const community: Translation<typeof en> = {}

export default community
