import { describe, expect, it } from 'vitest';
import {
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_NAME,
  SignInLimiter,
  WINDOW_MINUTES,
} from './sign-in-limiter.js';

describe('SignInLimiter', () => {
  it('refuses a username after its failures, until the first leaves the window', () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(() => now);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_NAME; attempt++) {
      expect(limiter.refusal('zhang', '10.0.0.1')).toBeNull();
      limiter.recordFailure('zhang', '10.0.0.1');
      now += 60_000;
    }
    expect(limiter.refusal('zhang', '10.0.0.2')).toEqual({
      who: 'zhang',
      minutes: WINDOW_MINUTES - MAX_FAILURES_PER_NAME,
    });
    expect(limiter.refusal('li', '10.0.0.2')).toBeNull();
    now += (WINDOW_MINUTES - MAX_FAILURES_PER_NAME) * 60_000 + 1;
    expect(limiter.refusal('zhang', '10.0.0.1')).toBeNull();
  });

  it('refuses an address that tries many names, and a success clears only the name', () => {
    const limiter = new SignInLimiter(() => 0);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++)
      limiter.recordFailure(`user${attempt}`, '10.0.0.9');
    expect(limiter.refusal('someone', '10.0.0.9')?.who).toBe('10.0.0.9');
    limiter.recordFailure('wang', '10.0.0.3');
    limiter.recordSuccess('wang');
    expect(limiter.refusal('wang', '10.0.0.3')).toBeNull();
  });
});
