import { sql } from 'drizzle-orm'
import { db } from '~/utils/db.server'

// Load balancers and the test runner poll this; it touches the database so a broken file shows.
export async function loader() {
  db.get(sql`select 1`)
  return new Response('ok', { headers: { 'Cache-Control': 'no-store' } })
}
