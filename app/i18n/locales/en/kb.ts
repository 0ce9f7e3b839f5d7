/** English words of the kb pages (see ../en.ts). */
const kb = {}

export default kb
