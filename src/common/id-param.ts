import { Param, ParseUUIDPipe } from '@nestjs/common';
import { Problem } from './problem';

/** A UUID path parameter; anything else is a 400 naming the parameter (and never reaches PostgreSQL). */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => Problem.invalidField(name, 'common.uuid', { name }) }));
