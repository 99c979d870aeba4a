import { ReactNode } from 'react';

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field-hint muted small">
      {hint}
    </p>
  ) : null;
}

/** A labelled text input or text area, its hint and its error tied to it for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  multiline,
  rows = 3,
  inputMode,
  type = 'text',
  placeholder,
  autoFocus,
}: Common & {
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  rows?: number;
  inputMode?: 'text' | 'decimal' | 'numeric';
  type?: 'text' | 'date' | 'datetime-local' | 'number';
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const props = {
    id,
    name: id,
    value,
    required,
    placeholder,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="muted"> (required)</span>}
      </label>
      <Hint id={id} hint={hint} />
      {multiline ? (
        <textarea {...props} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  options,
}: Common & { value: string; onChange(value: string): void; options: Array<{ value: string; label: string }> }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="muted"> (required)</span>}
      </label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A set of radio buttons under one legend; `inline` lays them out in a row. */
export function RadioGroup<Value extends string>({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  inline,
}: Common & {
  value: Value | null;
  onChange(value: NoInfer<Value>): void;
  options: ReadonlyArray<{ value: NoInfer<Value>; label: string; hint?: string }>;
  inline?: boolean;
}) {
  return (
    <fieldset
      className={`form-field radio-group ${inline ? 'inline' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      <Hint id={id} hint={hint} />
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>
              {o.label}
              {o.hint && <span className="muted small radio-hint">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
