import type en from '../en/desk'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan desk, dalam Bahasa Indonesia. */
const desk: Translation<typeof en> = {}

export default desk
