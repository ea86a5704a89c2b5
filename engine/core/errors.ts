/**
 * Typed errors for expected failures. The API maps each kind to an HTTP status once; callers never
 * parse messages. `issues` carry the offending field path so a client can point at it.
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. "rows.12.name" or "filters.minSize". */
  path: string;
  message: string;
  /** 1-based row number and file, for imports. */
  row?: number;
  file?: string;
}

export class ChainMatchError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that breaks a schema or a reference (a row, a body, a query parameter). */
export class InvalidInputError extends ChainMatchError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class NotFoundError extends ChainMatchError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} "${id}" was not found`);
  }
}

/**
 * A well-formed request that names something that does not exist (an owner, a participant): 404,
 * with the field that named it.
 */
export class UnknownReferenceError extends ChainMatchError {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

/**
 * A request the current state does not allow (e.g. agreed → contacted, or 强链 on a segment with no
 * local firm). `issues` name the field at fault; `suggestion` is the request that would make sense
 * (e.g. `{ mode: 'fill' }`), so a client can follow it without parsing the message.
 */
export class ConflictError extends ChainMatchError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly suggestion?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A caller who may not change this record (not its owner, not an admin): 403. */
export class ForbiddenError extends ChainMatchError {}

/**
 * The record changed since the version the client named (`If-Match`): 412. `current` is the version
 * now stored, so the client can reload and retry.
 */
export class StaleVersionError extends ChainMatchError {
  constructor(
    message: string,
    readonly current: number,
  ) {
    super(message);
  }
}

/** The database (or another dependency) cannot be reached right now; retrying later may work. */
export class UnavailableError extends ChainMatchError {}

/** The machine lacks something the embedded database needs (Java 17+, Maven). */
export class SetupError extends ChainMatchError {}
