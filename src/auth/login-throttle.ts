import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Problem } from '../common/problem';

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins per e-mail+address and per address (ten times the allowance), in this
 * process's memory: behind a load balancer each process keeps its own counters.
 */
@Injectable()
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly config: AppConfig) {}

  private keys(email: string, ip: string): [string, number][] {
    const max = this.config.loginMaxFailures;
    return [
      [`e:${email}|${ip}`, max],
      [`a:${ip}`, max * 10],
    ];
  }

  assertAllowed(email: string, ip: string, now = Date.now()): void {
    for (const [key, max] of this.keys(email, ip)) {
      const window = this.windows.get(key);
      if (window && window.resetAt > now && window.failures >= max) {
        const retryAfter = Math.ceil((window.resetAt - now) / 1000);
        throw new Problem(429, 'auth.throttled', {}, undefined, { 'retry-after': String(retryAfter) });
      }
    }
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    if (this.windows.size > 100_000) this.prune(now);
    for (const [key] of this.keys(email, ip)) {
      const window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        this.windows.set(key, { failures: 1, resetAt: now + this.config.loginWindowSeconds * 1000 });
      } else {
        window.failures += 1;
      }
    }
  }

  recordSuccess(email: string, ip: string): void {
    this.windows.delete(`e:${email}|${ip}`);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
