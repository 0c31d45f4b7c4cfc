import type { Lang, Translate } from './i18n/i18n';
import { Refusal, refusalText } from './refusals';

/**
 * One message per field, in the order the fields appear on the form: our text `key`, or a service's
 * refusal in the page's language (inside `key` as its `{detail}` when both are given).
 */
export type FieldErrors = Array<{ field: string } & ({ key: string; params?: Record<string, string | number>; refusal?: Refusal } | { key?: undefined; refusal: Refusal })>;

/**
 * The GOV.UK error pattern: a summary at the top linking to each field (`#field`), and the same
 * message beside the field (with the hidden prefix "Fel:" / "Error:" for screen readers). Views pass
 * `errors.summary` to govukErrorSummary and `errors.fields.<name>` as the field's errorMessage.
 */
export function formErrors(errors: FieldErrors, web: { t: Translate; lang: Lang }) {
  const fields: Record<string, { text: string; visuallyHiddenText: string }> = {};
  const prefix = web.t('forms.errorPrefix');
  for (const e of errors) {
    const detail = e.refusal && refusalText(e.refusal, web);
    const text = e.key === undefined ? detail! : web.t(e.key, detail === undefined ? e.params : { ...e.params, detail });
    fields[e.field] ??= { text, visuallyHiddenText: prefix };
  }
  return {
    any: errors.length > 0,
    summary: Object.entries(fields).map(([name, message]) => ({ text: message.text, href: `#${name}` })),
    fields,
  };
}
