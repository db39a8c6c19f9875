/**
 * Who may manage operators' sign-ins in the user pool (the operator directory): exactly the functions of the rows
 * flagged `managesOperators`, which get the pool's id (USER_POOL_ID) and the directory's Cognito actions on that pool
 * only, through the one managed policy of the data stack. The one other function with a Cognito action is the outbox
 * consumer, which reads members' addresses (`ListUsers` on that pool only, and its id).
 */
import { describe, expect, it } from 'vitest';
import { USER_POOL_ID_ENV } from '../../contracts/auth';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { routeFunctionName } from '../../lib/constructs/api';
import { OPERATOR_DIRECTORY_ACTIONS } from '../../lib/constructs/auth';
import { MEMBER_CONTACTS_ACTIONS, outboxConsumerName } from '../../lib/constructs/notifications';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
import { actionList, asList, flatten, functionStatements, onlyResource, seenFrom, synth } from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('operators’ sign-ins (%s)', (stage) => {
  const s = synth(stage);
  const pool = onlyResource(s.templates.data, 'AWS::Cognito::UserPool')[0];
  const managing = routes.filter((r) => r.managesOperators);
  const names = new Set(managing.map((r) => routeFunctionName(s.config.prefix, r)));
  const consumer = outboxConsumerName(s.config.prefix);
  const functions = STACK_PARTS.flatMap((part) =>
    Object.entries(s.templates[part].findResources('AWS::Lambda::Function')).map(([id, fn]) => {
      const props = fn.Properties as { FunctionName?: string; Environment?: { Variables?: Props } };
      return { part, id, name: String(props.FunctionName), env: props.Environment?.Variables ?? {} };
    }),
  );

  it('are managed by the rows that create partners and accounts or edit accounts', () => {
    expect(managing.map((r) => r.id)).toEqual(['create-operator-account', 'edit-operator-account', 'create-partner']);
  });

  it('give exactly those functions the directory’s actions on the user pool, and no other function any Cognito action but the outbox consumer’s ListUsers', () => {
    for (const fn of functions) {
      const cognito = functionStatements(s.templates[fn.part], fn.id, s).filter((st) =>
        actionList(st.Action).some((a) => a.startsWith('cognito-idp:') || a === '*'),
      );
      if (fn.name === consumer) {
        expect(cognito, fn.name).toHaveLength(1);
        expect(actionList(cognito[0]?.Action), fn.name).toEqual([...MEMBER_CONTACTS_ACTIONS]);
        expect(asList(cognito[0]?.Resource).map(flatten), fn.name).toEqual([
          flatten(seenFrom(s, fn.part, 'data', { 'Fn::GetAtt': [pool, 'Arn'] })),
        ]);
        continue;
      }
      if (!names.has(fn.name)) {
        expect(cognito, `${fn.part}/${fn.name}`).toEqual([]);
        continue;
      }
      expect(cognito, fn.name).toHaveLength(1);
      expect(cognito[0]?.Effect).toBe('Allow');
      expect(actionList(cognito[0]?.Action), fn.name).toEqual([...OPERATOR_DIRECTORY_ACTIONS].sort());
      expect(asList(cognito[0]?.Resource).map(flatten), fn.name).toEqual([`{${pool}.Arn}`]);
    }
    expect(functions.filter((fn) => names.has(fn.name))).toHaveLength(managing.length);
  });

  it('give exactly those functions (and the outbox consumer) the user pool’s id', () => {
    for (const fn of functions) {
      const given = names.has(fn.name) || fn.name === consumer;
      expect(USER_POOL_ID_ENV in fn.env, `${fn.part}/${fn.name}`).toBe(given);
      if (given) expect(fn.env[USER_POOL_ID_ENV]).toEqual(seenFrom(s, fn.part, 'data', { Ref: pool }));
    }
  });
});
