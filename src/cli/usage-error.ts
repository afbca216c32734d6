/** A mistake in how the tool was called: one line on stderr (then the usage, unless it would not help), exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';

  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}
