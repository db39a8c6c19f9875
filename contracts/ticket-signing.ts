/**
 * Where the key that signs member tickets (api.md "Drop-in visits": `GET /v1/me/ticket`) comes from: in the cloud a
 * Secrets Manager secret, named to the functions of rows with `signsTickets` only; locally a key generated per local
 * stack, handed to the in-process handlers in the environment.
 */

/** The environment variable holding the ARN of the ticket signing secret (the cloud). */
export const TICKET_SIGNING_SECRET_ENV = 'TICKET_SIGNING_SECRET_ARN';

/**
 * The environment variable holding the ticket signing key itself, base64url (the local stack: 32 random bytes made
 * at its start). Never set in the cloud, where the secret's ARN is.
 */
export const TICKET_SIGNING_KEY_ENV = 'TICKET_SIGNING_KEY';
