/**
 * Raised when an operation is applied outside its domain: log of a
 * non-positive number, division by an interval containing 0, a NaN input.
 * `certain` is true when the whole argument lies outside the domain (the
 * exact value is certainly undefined); false when the enclosure only
 * straddles the boundary, so more precision may still resolve it.
 */
export class DomainError extends Error {
  constructor(
    readonly operation: string,
    readonly certain: boolean,
    detail = '',
  ) {
    super(`${operation}: argument outside its domain${certain ? '' : ' (possibly)'}${detail ? `: ${detail}` : ''}`);
    this.name = 'DomainError';
  }
}
