import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** Throw to answer with an RFC 9457 problem document; the filter renders it. */
export class Problem extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }

  static badRequest(detail: string, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, detail, errors);
  }

  static invalidField(field: string, message: string): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message }]);
  }

  static notFound(what: string): Problem {
    return new Problem(HttpStatus.NOT_FOUND, `${what} not found`);
  }

  static forbidden(detail = 'Your role may not do this'): Problem {
    return new Problem(HttpStatus.FORBIDDEN, detail);
  }

  static conflict(detail: string, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.CONFLICT, detail, errors);
  }
}
