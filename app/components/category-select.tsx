/** The category filter of a GET form: "all" (empty) first, then each category by its slug. */
export function CategorySelect({
  id,
  allLabel,
  categories,
  defaultValue,
}: {
  id?: string
  allLabel: string
  categories: { slug: string; name: string }[]
  defaultValue: string | null | undefined
}) {
  return (
    <select id={id} name="category" defaultValue={defaultValue ?? ''}>
      <option value="">{allLabel}</option>
      {categories.map((c) => (
        <option key={c.slug} value={c.slug}>
          {c.name}
        </option>
      ))}
    </select>
  )
}
