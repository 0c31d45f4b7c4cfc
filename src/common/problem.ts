import { HttpException, HttpStatus } from '@nestjs/common';
import { MissingThing, ProblemCode, ProblemParams, problemText } from './problem-codes';

export interface FieldError {
  field: string;
  message: string;
  /** The refusal's code and placeholders when a service gave it (pages translate it); DTO checks have none. */
  code?: ProblemCode;
  params?: ProblemParams;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/**
 * Throw to answer with an RFC 9457 problem document; the filter renders it. Every refusal has a
 * code from PROBLEMS (problem-codes.ts): the API gets its English text, pages its translation.
 */
export class Problem extends HttpException {
  constructor(
    status: number,
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    detail = problemText(code, params),
  ) {
    super(detail, status);
  }

  /** One field's refusal, for a problem's `errors`. */
  static fieldError(field: string, code: ProblemCode, params: ProblemParams = {}): FieldError {
    return { field, message: problemText(code, params), code, params };
  }

  static badRequest(code: ProblemCode, params: ProblemParams = {}, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, code, params, errors);
  }

  static invalidField(field: string, code: ProblemCode, params: ProblemParams = {}): Problem {
    const error = Problem.fieldError(field, code, params);
    return new Problem(HttpStatus.BAD_REQUEST, code, params, [error], {}, `${field}: ${error.message}`);
  }

  static notFound(what: MissingThing): Problem {
    return new Problem(HttpStatus.NOT_FOUND, `notFound.${what}`);
  }

  static forbidden(code: ProblemCode = 'common.forbidden', params: ProblemParams = {}): Problem {
    return new Problem(HttpStatus.FORBIDDEN, code, params);
  }

  static conflict(code: ProblemCode, params: ProblemParams = {}, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.CONFLICT, code, params, errors);
  }

  /** A conflict about one field: the same text as the detail and beside the field. */
  static conflictOn(field: string, code: ProblemCode, params: ProblemParams = {}): Problem {
    return Problem.conflict(code, params, [Problem.fieldError(field, code, params)]);
  }
}
