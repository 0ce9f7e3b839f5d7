/** English words of trust levels, reputation and new-account limits (see ../en.ts). */
const trust = {}

export default trust
