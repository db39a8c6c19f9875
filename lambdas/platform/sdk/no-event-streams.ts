/**
 * What a bundled function gets in place of `@smithy/core/event-streams` (the esbuild alias in lib/bundling.ts): no
 * event-stream codec. Every client's protocol (`HttpProtocol`) can load it for an operation whose input or output is a
 * stream of events (S3's SelectObjectContent, Lambda's InvokeWithResponseStream, Bedrock, Transcribe…), through a
 * dynamic import, which a single-file bundle inlines whether or not it is ever reached: some 19 KiB minified
 * (≈7 KiB gzip) with the checksums it brings, in every bundle. None of the operations the functions call streams
 * events (DynamoDB, DynamoDB Streams, SES, Cognito, Secrets Manager, S3's object and multipart calls), so the codec
 * is left out; one that did would fail at once with the error below, not send anything.
 *
 * The S3 client (the export job's uploads) resolves an event-stream marshaller when it is made: it gets one that
 * throws when used. Only bundles are aliased: the local stack and the tests run the SDK as it is.
 */

const unbundled = (): never => {
  throw new Error(
    'AWS event streams are not bundled (lib/bundling.ts aliases @smithy/core/event-streams): no function may call an operation that streams events',
  );
};

/** The marshaller the clients with event-stream operations resolve at construction: it throws when used. */
export const eventStreamSerdeProvider = (_options?: unknown) => ({ serialize: unbundled, deserialize: unbundled });

/** As the SDK's: the client's config with its event-stream marshaller (here {@link eventStreamSerdeProvider}'s). */
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(
  input: T,
): T & { eventStreamMarshaller: unknown } =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

/** What `HttpProtocol` makes to (de)serialize an event stream: never reached, it throws. */
export class EventStreamSerde {
  constructor(_options?: unknown) {
    unbundled();
  }
}
