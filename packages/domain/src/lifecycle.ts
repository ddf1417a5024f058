import { DomainError, ErrorCode } from './errors';

/**
 * A status machine given as its allowed moves. Every lifecycle on the platform (contest,
 * submission, review round, honor) is one of these, so "no skipping, no going back" is
 * enforced in one place.
 */
export class Lifecycle<S extends string> {
  constructor(
    readonly name: string,
    readonly initial: S,
    private readonly moves: Readonly<Record<S, readonly S[]>>,
  ) {}

  next(from: S): readonly S[] {
    return this.moves[from];
  }

  can(from: S, to: S): boolean {
    return this.moves[from].includes(to);
  }

  /** Throws INVALID_TRANSITION, naming the allowed moves, when `from → to` is not one. */
  assert(from: S, to: S, field = 'status'): void {
    if (this.can(from, to)) return;
    const allowed = this.moves[from];
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `${this.name} cannot move from ${from} to ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
      field,
      { from, to, allowed },
    );
  }
}
