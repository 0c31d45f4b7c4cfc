import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Problem } from '../../common/problem';
import type { FieldErrors } from '../forms';
import type { Translate } from '../i18n/i18n';

/** Maps a DTO or service field name to the form field that shows its message (`slots[1].endsAt` -> a slot row). */
export type FieldMap = (field: string) => string;

const sameField: FieldMap = (field) => field;

/** The message for a field: our translation `<section>.errors.<field>` when there is one, else the service's own text. */
function messageFor(section: string, field: string, message: string, t: Translate, kind = 'errors'): FieldErrors[number] {
  const key = `${section}.${kind}.${field.replace(/\[\d+\]/g, '')}`;
  return t(key) === key ? { field, key: 'catalogue.serviceMessage', params: { message } } : { field, key };
}

/**
 * Checks form input against the API's own DTO class (the same class-validator rules the API applies),
 * so pages and API accept and refuse the same things. Unknown fields are not checked: forms build the input.
 */
export async function validateDto<T extends object>(cls: new () => T, input: object, section: string, t: Translate, map: FieldMap = sameField) {
  const dto = plainToInstance(cls, input);
  const failures = await validate(dto, { whitelist: true });
  const errors: FieldErrors = failures.flatMap((f) => {
    const message = Object.values(f.constraints ?? { nested: `${f.property} is invalid` })[0];
    return [{ ...messageFor(section, f.property, message, t), field: map(f.property) }];
  });
  return { dto, errors };
}

/**
 * A refusal from the service (400 with field errors, 409) as form errors beside the fields it names;
 * a refusal without a field goes to `fallbackField` (translated as `<section>.refusals.<fallbackField>` when there is one). Anything else (404, 403, 5xx) is rethrown.
 */
export function serviceErrors(error: unknown, section: string, t: Translate, fallbackField: string, map: FieldMap = sameField): FieldErrors {
  if (!(error instanceof Problem) || (error.getStatus() !== 400 && error.getStatus() !== 409)) throw error;
  if (!error.errors?.length) return [{ ...messageFor(section, fallbackField, error.message, t, 'refusals'), field: map(fallbackField) }];
  return error.errors.map((e) => ({ ...messageFor(section, e.field, e.message, t), field: map(e.field) }));
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
    return serviceErrors(error, form.section, form.t, form.fallbackField, form.map);
  }
}
