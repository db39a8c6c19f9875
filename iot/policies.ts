/**
 * IoT policy documents of the door channel as plain JSON (for CDK `CfnPolicy` and IAM statements).
 * Topic strings come from `topics.ts`; the door's own segment is the thing-name policy variable, so
 * one policy serves every door and each door reaches only its own topics.
 */
import { topicTemplates } from '../contracts/mqtt';

/** IoT Core resolves this policy variable to the thing attached to the connecting certificate. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, not a JS template
export const THING_NAME_VARIABLE = '${iot:Connection.Thing.ThingName}';

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

function iotArn(region: string, account: string, resource: string, partition: string): string {
  return `arn:${partition}:iot:${region}:${account}:${resource}`;
}

/**
 * The IoT policy attached to every door certificate: connect only as its own thing name (and only while
 * a thing is attached to the certificate), subscribe to and receive only its own unlock and codes topics,
 * publish only to its own events topic. No wildcard resources.
 */
export function doorThingPolicy(region: string, account: string, partition = 'aws'): PolicyDocument {
  const arn = (resource: string) => iotArn(region, account, resource, partition);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['iot:Connect'],
        Resource: [arn(`client/${THING_NAME_VARIABLE}`)],
        Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
      },
      {
        Effect: 'Allow',
        Action: ['iot:Subscribe'],
        Resource: [
          arn(`topicfilter/${topicTemplates.unlock(THING_NAME_VARIABLE)}`),
          arn(`topicfilter/${topicTemplates.codes(THING_NAME_VARIABLE)}`),
        ],
      },
      {
        Effect: 'Allow',
        Action: ['iot:Receive'],
        Resource: [
          arn(`topic/${topicTemplates.unlock(THING_NAME_VARIABLE)}`),
          arn(`topic/${topicTemplates.codes(THING_NAME_VARIABLE)}`),
        ],
      },
      {
        Effect: 'Allow',
        Action: ['iot:Publish'],
        Resource: [arn(`topic/${topicTemplates.events(THING_NAME_VARIABLE)}`)],
      },
    ],
  };
}

/** IAM statement for the backend (Lambda roles) that publish unlock commands and keypad codes to any door. */
export function backendPublishStatement(region: string, account: string, partition = 'aws'): PolicyStatement {
  return {
    Effect: 'Allow',
    Action: ['iot:Publish'],
    Resource: [
      iotArn(region, account, `topic/${topicTemplates.unlock('*')}`, partition),
      iotArn(region, account, `topic/${topicTemplates.codes('*')}`, partition),
    ],
  };
}
