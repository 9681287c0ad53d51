/** Labelled form fields of the list and search filters (plain GET forms: they work without JavaScript). */

/** A labelled <select> whose first option ("Any") sends nothing. */
export function SelectField({ label, name, value, any, options }: { label: string; name: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled date input (YYYY-MM-DD). */
export function DateField({ label, name, value }: { label: string; name: string; value: string | undefined }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="date" name={name} defaultValue={value ?? ''} />
    </label>
  );
}
