import type { Translate } from './i18n/i18n';

/** One message per field, in the order the fields appear on the form. */
export type FieldErrors = Array<{ field: string; key: string; params?: Record<string, string | number> }>;

/**
 * The GOV.UK error pattern: a summary at the top linking to each field (`#field`), and the same
 * message beside the field. Views pass `errors.summary` to govukErrorSummary and
 * `errors.fields.<name>` as the field's errorMessage.
 */
export function formErrors(errors: FieldErrors, t: Translate) {
  const fields: Record<string, { text: string }> = {};
  for (const e of errors) fields[e.field] ??= { text: t(e.key, e.params) };
  return {
    any: errors.length > 0,
    summary: Object.entries(fields).map(([name, message]) => ({ text: message.text, href: `#${name}` })),
    fields,
  };
}
