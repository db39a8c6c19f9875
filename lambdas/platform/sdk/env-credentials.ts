/**
 * What a bundled function gets in place of `@aws-sdk/credential-provider-node` (the esbuild alias in
 * lib/bundling.ts): the SDK's default credential chain cut to its first link, the environment. A Lambda function's
 * credentials are its role's, which the runtime puts in `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
 * `AWS_SESSION_TOKEN`; the chain's other links (SSO, ini files, credential processes, web identity, the container and
 * instance metadata endpoints) never answer there, yet they bring STS, SSO and their clients
 * (`@aws-sdk/nested-clients`) into every bundle.
 *
 * Only bundles are aliased: the local stack and the tests run the sources as they are, with the SDK's own chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from '@smithy/types';

/** What the SDK's clients hand their `credentialDefaultProvider` (only the logger is read here). */
export interface DefaultProviderInit {
  readonly logger?: Logger;
}

/** The SDK's name and signature: a provider of the environment's credentials (`fromEnv`), for every client. */
export const defaultProvider = (init: DefaultProviderInit = {}): AwsCredentialIdentityProvider => fromEnv(init);

/** As the SDK's: credentials with an expiry are refreshed. */
export const credentialsWillNeedRefresh = (credentials?: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined;

/** As the SDK's: credentials within five minutes of their expiry count as expired. */
export const credentialsTreatedAsExpired = (credentials?: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
