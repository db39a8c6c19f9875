/**
 * `npm start`: the whole product on this machine. DynamoDB Local, the table with demo data, a local S3 with
 * the photos bucket, the local gateway and the controllable clock. Ctrl-C or SIGTERM stops everything.
 */
import { toZonedIso } from '../lambdas/domain/format';
import { SERVICE_TIME_ZONE } from '../lambdas/domain/model';
import { DEFAULT_DYNAMODB_PORT } from '../lib/local/dynamodb-local';
import { startLocalStack } from '../lib/local/stack';

const port = Number(process.env.PORT ?? 3000);
const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? DEFAULT_DYNAMODB_PORT);
const mqttPort = Number(process.env.MQTT_PORT ?? 1883);
const s3Port = Number(process.env.S3_PORT ?? 4569);
const sesPort = Number(process.env.SES_PORT ?? 8005);
/** An instant of the stack's clock as the API shows it, to the second: `2026-11-24T14:00:05+09:00`. */
const stackTime = (now: number) => toZonedIso(now, SERVICE_TIME_ZONE).replace(/\.\d+/, '');

async function main(): Promise<void> {
  const stack = await startLocalStack({
    port,
    dynamodbPort,
    mqttPort,
    s3Port,
    sesPort,
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT,
    doorLog: (line, now) => console.log(`  ${stackTime(now)}  ${line}`),
  });
  const banner = [
    '',
    `  Coworking backend, local stack`,
    `  API            ${stack.url}/v1   (e.g. GET ${stack.url}/v1/facilities)`,
    `  Reference      ${stack.url}/docs   (the OpenAPI document: ${stack.url}/openapi.json)`,
    `  Clock          ${stack.url}/local/clock   (POST { "advanceMinutes": 60 } moves it)`,
    `  DynamoDB Local ${stack.dynamodbEndpoint}   table ${stack.tableName}`,
    `  MQTT broker    ${stack.mqttUrl}   doors: ${[...stack.doors.keys()].join(', ')}`,
    `  Local S3       ${stack.s3Endpoint}   bucket ${stack.photosBucket} (path-style; emptied at stop)`,
    `  Local SES      ${stack.ses.endpoint}   the mailbox: every mail sent (outbox → stream poller → SES v2)`,
    '',
    '  A token:  npm run token -- member-basic',
    `      or:   curl -s -X POST ${stack.url}/local/tokens -H 'content-type: application/json' \\`,
    `              -d '{"sub":"member-basic","role":"member"}'`,
    '  Demo members: member-basic, member-basic-2, member-premium, member-corporate',
    '  Ctrl-C stops everything.',
    '',
  ];
  console.log(banner.join('\n'));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
