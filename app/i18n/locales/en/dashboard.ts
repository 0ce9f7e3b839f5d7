/** English words of the survey, nudges and the support dashboard (see ../en.ts). */
const dashboard = {}

export default dashboard
