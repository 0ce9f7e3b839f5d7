import { useId } from 'react'
import { useMessage } from '~/i18n/use-message'

type Category = { slug: string; name: string; description: string }

type Props = {
  name: string
  legend: string
  categories: Category[]
  defaultValue?: string
  error?: string
}

/**
 * The category as a group of radio cards, each with its description, so a newcomer sees what
 * belongs where before choosing; plain radios, so it needs no script. Each radio is named by the
 * category alone and described by its description, so a screen reader says both, name first.
 */
export function CategoryPicker({ name, legend, categories, defaultValue, error: message }: Props) {
  // The error arrives as a message descriptor from the server, like every field's.
  const error = useMessage()(message)
  const id = useId()
  const legendId = `${id}-legend`
  const errorId = `${id}-error`
  return (
    <fieldset
      className={`field choice-field${error ? ' field-invalid' : ''}`}
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={error ? errorId : undefined}
      aria-required="true"
      aria-invalid={error ? true : undefined}
    >
      <legend id={legendId}>{legend}</legend>
      <div className="choice-cards">
        {categories.map((c) => (
          <label key={c.slug} className="choice-card">
            <input
              type="radio"
              name={name}
              value={c.slug}
              defaultChecked={c.slug === defaultValue}
              aria-labelledby={`${id}-${c.slug}-name`}
              aria-describedby={c.description ? `${id}-${c.slug}-description` : undefined}
            />
            <span className="choice-card-text">
              <span className="choice-card-name" id={`${id}-${c.slug}-name`}>
                {c.name}
              </span>
              {c.description ? (
                <span className="choice-card-description" id={`${id}-${c.slug}-description`}>
                  {c.description}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
