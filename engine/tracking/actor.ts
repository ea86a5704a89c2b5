import { ForbiddenError } from '../core/errors.ts';

/**
 * Who acts on a tracked match, an offer or a demand: the verified identity of an API key (api/auth.ts)
 * and whether that key is an admin. A plain string names a non-admin actor (command-line tools, tests).
 */
export interface Actor {
  name: string;
  admin: boolean;
}
export type ActorRef = Actor | string;

export function asActor(actor: ActorRef): Actor {
  return typeof actor === 'string' ? { name: actor, admin: false } : actor;
}

/**
 * The owner of a record is the identity that created it. Records written before ownership existed
 * have none: only an admin may change them (nobody can prove they made them; docs/security.md).
 */
export function mayChange(actor: ActorRef, owner: string | null | undefined): boolean {
  const a = asActor(actor);
  return a.admin || (owner !== null && owner !== undefined && owner === a.name);
}

/** Throws ForbiddenError (HTTP 403) unless the actor owns the record or is an admin. */
export function assertMayChange(actor: ActorRef, owner: string | null | undefined, what: string): void {
  if (mayChange(actor, owner)) return;
  throw new ForbiddenError(
    owner ? `${what} belongs to another user; only its owner or an admin may change it` : `${what} has no recorded owner; only an admin may change it`,
  );
}

/** Whether a reader may see a record's owner and private notes: its owner or an admin. No reader (no key) sees them. */
export function maySeePrivate(viewer: ActorRef | undefined, owner: string | null | undefined): boolean {
  return viewer !== undefined && mayChange(viewer, owner);
}
