import { Injectable } from '@nestjs/common';

/** The notices' source of "now": injected so tests drive reminders and retries without sleeping. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
