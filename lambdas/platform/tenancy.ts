/**
 * The one tenancy guard of the partner routes: an operator reaches only their own partner's resources; anything
 * of another partner is answered exactly like something that does not exist (404), so nobody learns it exists.
 * Roles are checked before, from the route row (`authorize` in identity.ts).
 */
import { type Identity, partnerIdOf } from './identity';
import { notFound } from './problems';

/** `resource` when it belongs to the caller's partner; 404 `NOT_FOUND` when it is missing or another partner's. */
export function ownedByPartner<T extends { partnerId: string }>(
  identity: Identity,
  resource: T | undefined,
  what: string,
): T {
  return ownedBy(partnerIdOf(identity), resource, what);
}

/** The same guard for a service that was handed the caller's partner id. */
export function ownedBy<T extends { partnerId: string }>(partnerId: string, resource: T | undefined, what: string): T {
  if (!resource || resource.partnerId !== partnerId) throw notFound(what);
  return resource;
}
