import { HttpException, HttpStatus } from '@nestjs/common';

/** A page needs a signed-in person: the error filter redirects to /login. */
export class SignInRequired extends HttpException {
  constructor(
    readonly next: string,
    readonly expired: boolean,
  ) {
    super('Sign in required', HttpStatus.UNAUTHORIZED);
  }
}

/** A form arrived without the token of this session (forged, or from an older session). */
export class CsrfRejected extends HttpException {
  constructor() {
    super('The form token is missing or wrong', HttpStatus.FORBIDDEN);
  }
}
