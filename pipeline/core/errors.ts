/** A known, user-facing failure: the CLI prints its message (no stack) and exits with `exitCode`. */
export class PipelineError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** A model the data cannot estimate (no complete cases, or predictors collinear in them). */
export class NotEstimable extends PipelineError {}
