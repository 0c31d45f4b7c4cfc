import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldErrors } from '../forms';
import type { Translate } from '../i18n/i18n';
import { refusalOf } from '../refusals';

/** Maps a DTO or service field name to the form field that shows its message (`slots[1].endsAt` -> a slot row). */
export type FieldMap = (field: string) => string;

const sameField: FieldMap = (field) => field;

/** The message for a DTO check that failed: our translation `<section>.errors.<field>` when there is one, else a general one (never the DTO's English). */
function messageFor(section: string, field: string, t: Translate): FieldErrors[number] {
  const key = `${section}.errors.${field.replace(/\[\d+\]/g, '')}`;
  return { field, key: t(key) === key ? 'forms.invalidField' : key };
}

/**
 * Checks form input against the API's own DTO class (the same class-validator rules the API applies),
 * so pages and API accept and refuse the same things. Unknown fields are not checked: forms build the input.
 */
export async function validateDto<T extends object>(cls: new () => T, input: object, section: string, t: Translate, map: FieldMap = sameField) {
  const dto = plainToInstance(cls, input);
  const failures = await validate(dto, { whitelist: true });
  const errors: FieldErrors = failures.map((f) => ({ ...messageFor(section, f.property, t), field: map(f.property) }));
  return { dto, errors };
}

/**
 * A refusal from the service (400 with field errors, 409) in the page's language (problems.<code>),
 * beside the fields it names; a refusal without a field goes to `fallbackField`. Anything else (404, 403, 5xx) is rethrown.
 */
export function serviceErrors(error: unknown, fallbackField: string, map: FieldMap = sameField): FieldErrors {
  const problem = refusalOf(error);
  const named = (problem.errors ?? []).filter((e) => e.code);
  if (!named.length) return [{ field: map(fallbackField), refusal: { code: problem.code, params: problem.params } }];
  return named.map((e) => ({ field: map(e.field), refusal: { code: e.code!, params: e.params } }));
}

/**
 * The usual POST: check the input against the DTO class, then let the service save it. Returns the
 * form errors (empty when saved): the DTO's rules first, then the service's refusals.
 */
export async function saveForm<T extends object>(
  cls: new () => T,
  input: object,
  form: { section: string; t: Translate; fallbackField: string; map?: FieldMap },
  save: (dto: T) => Promise<unknown>,
): Promise<FieldErrors> {
  const { dto, errors } = await validateDto(cls, input, form.section, form.t, form.map);
  if (errors.length) return errors;
  try {
    await save(dto);
    return [];
  } catch (error) {
    return serviceErrors(error, form.fallbackField, form.map);
  }
}
