/** English words of the community pages (see ../en.ts). */
const community = {}

export default community
