import { json, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

export const meta: MetaFunction = () => [{ title: 'Reference' }]

// A fixed list: the reference measures the framework (routing, loader, render, hydration
// data), not a data source.
const ITEMS = Array.from({ length: 10 }, (_, i) => ({
  id: i + 1,
  title: `Item number ${i + 1}`,
  summary: 'A short line of text under each item, as a list page shows.',
}))

export async function loader() {
  return json({ heading: 'A small page from a loader', items: ITEMS })
}

export default function Index() {
  const { heading, items } = useLoaderData<typeof loader>()
  return (
    <main>
      <h1>{heading}</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/?item=${item.id}`}>{item.title}</Link>
            <p>{item.summary}</p>
          </li>
        ))}
      </ul>
    </main>
  )
}
