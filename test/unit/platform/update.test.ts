import { describe, expect, it } from 'vitest';
import { updateExpression } from '../../../lambdas/platform/dynamo/update';

describe('updateExpression', () => {
  it('sets, adds and removes behind placeholders, with the condition’s names and values merged in', () => {
    expect(
      updateExpression(
        { set: { status: 'confirmed', version: 3 }, add: { held: -1 }, remove: ['GSI2PK'] },
        { names: { '#version': 'version' }, values: { ':version': 2 } },
      ),
    ).toEqual({
      UpdateExpression: 'SET #u0 = :u0, #u1 = :u1 ADD #u2 :u2 REMOVE #u3',
      ExpressionAttributeNames: {
        '#version': 'version',
        '#u0': 'status',
        '#u1': 'version',
        '#u2': 'held',
        '#u3': 'GSI2PK',
      },
      ExpressionAttributeValues: { ':version': 2, ':u0': 'confirmed', ':u1': 3, ':u2': -1 },
    });
  });

  it('sends no value map when nothing needs one (DynamoDB refuses an empty one)', () => {
    expect(updateExpression({ remove: ['GSI2PK', 'GSI2SK'] })).toEqual({
      UpdateExpression: 'REMOVE #u0, #u1',
      ExpressionAttributeNames: { '#u0': 'GSI2PK', '#u1': 'GSI2SK' },
    });
  });

  it('refuses what DynamoDB would refuse, or what would silently collide', () => {
    expect(() => updateExpression({})).toThrow('at least one change');
    expect(() => updateExpression({ set: { a: 1 }, remove: ['a'] })).toThrow('both change and remove a');
    expect(() => updateExpression({ set: { a: 1 } }, { names: { '#u0': 'b' } })).toThrow('belong to updateExpression');
  });
});
