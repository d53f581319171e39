/**
 * Limits guessing passwords: after MAX_FAILURES_PER_NAME failed sign-ins for one username, or
 * MAX_FAILURES_PER_ADDRESS from one address, within WINDOW_MINUTES, further attempts are refused
 * (429) until the oldest failure leaves the window — even with the right password. Kept in the
 * process's memory: a restart forgets, and each app process counts its own attempts.
 */

export const MAX_FAILURES_PER_NAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const WINDOW_MINUTES = 15;
const WINDOW_MILLISECONDS = WINDOW_MINUTES * 60_000;

export interface SignInLimit {
  /** Who is refused: the username, or the address. */
  who: string;
  /** Whole minutes until an attempt is taken again. */
  minutes: number;
}

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Why an attempt for `username` from `address` is refused now, or null when it may go ahead. */
  refusal(username: string, address: string): SignInLimit | null {
    const byName = this.recent(`name:${username}`);
    if (byName.length >= MAX_FAILURES_PER_NAME) return { who: username, minutes: this.minutesLeft(byName) };
    const byAddress = this.recent(`address:${address}`);
    if (byAddress.length >= MAX_FAILURES_PER_ADDRESS)
      return { who: address, minutes: this.minutesLeft(byAddress) };
    return null;
  }

  recordFailure(username: string, address: string): void {
    for (const key of [`name:${username}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  /** A successful sign-in clears its username's failures (not its address's). */
  recordSuccess(username: string): void {
    this.failures.delete(`name:${username}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MILLISECONDS;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  private minutesLeft(times: readonly number[]): number {
    return Math.max(1, Math.ceil((times[0] + WINDOW_MILLISECONDS - this.now()) / 60_000));
  }
}
