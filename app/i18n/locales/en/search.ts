/** English words of the search pages (see ../en.ts). */
const search = {}

export default search
