import { operatorDirectory, tableContext, uuids } from '../../../platform/deps';
import { operatorAccess } from '../../../platform/operator-access';
import { OperatorAccountRepository } from '../../../platform/operator-accounts';
import type { OperatorDirectory } from '../../../platform/ports';
import { PartnerRepository } from '../../catalog';
import type { AccountPorts, PartnerPorts } from './service';

let cached: (Omit<AccountPorts, 'directory'> & PartnerPorts) | undefined;

/**
 * The account and partner flows that read or edit the table only: the accounts, partners, the identity step's
 * memory, ids. No operator directory: the rows that change sign-ins take {@link signInDeps}, so that only their
 * bundles carry the Cognito client.
 */
export function accountDeps() {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      accounts: new OperatorAccountRepository(doc, tableName),
      partners: new PartnerRepository(doc, tableName),
      access: operatorAccess(),
    };
  }
  return { ...cached, ids: uuids };
}

/** The directory, made when first used: only the rows that manage operators have a user pool to make it for. */
const directory: OperatorDirectory = {
  create: (signIn) => operatorDirectory().create(signIn),
  update: (operatorId, state) => operatorDirectory().update(operatorId, state),
  remove: (operatorId) => operatorDirectory().remove(operatorId),
};

/** {@link accountDeps} and the operator directory: for the rows that create or change sign-ins (`managesOperators`). */
export function signInDeps() {
  return { ...accountDeps(), directory };
}
