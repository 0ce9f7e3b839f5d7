/** English words of the flags pages and messages (see ../en.ts). */
const flags = {}

export default flags
