/** English words of the privacy pages and messages (see ../en.ts). */
const privacy = {}

export default privacy
