/** A mistake in how the tool was called: one line on stderr, then the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
