/**
 * Process settings of the local stack. Imported first by `stack.ts`, so they hold before any handler
 * module (and its Powertools instances) is evaluated.
 */
const defaults: Record<string, string> = {
  AWS_REGION: 'ap-northeast-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_SERVICE_NAME: 'coworking',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  // no user pool here: operators' sign-ins are the local stand-in's (lambdas/platform/deps.ts)
  OPERATOR_DIRECTORY: 'local',
  // nor members' addresses in it: they are the local member records' `email` (lambdas/platform/deps.ts)
  MEMBER_CONTACTS: 'local',
};
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
