import { operatorDirectory, tableContext, uuids } from '../../../platform/deps';
import { operatorAccess } from '../../../platform/operator-access';
import { OperatorAccountRepository } from '../../../platform/operator-accounts';
import type { OperatorDirectory } from '../../../platform/ports';
import { PartnerRepository } from '../../catalog';
import type { AccountPorts, PartnerPorts } from './service';

/** The directory, made when first used: only the rows that manage operators have a user pool to make it for. */
const directory: OperatorDirectory = {
  create: (signIn) => operatorDirectory().create(signIn),
  update: (operatorId, state) => operatorDirectory().update(operatorId, state),
  remove: (operatorId) => operatorDirectory().remove(operatorId),
};

let cached: (AccountPorts & PartnerPorts) | undefined;

/** The account and partner flows: the accounts, partners, the operator directory, the identity step's memory, ids. */
export function accountDeps() {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      accounts: new OperatorAccountRepository(doc, tableName),
      partners: new PartnerRepository(doc, tableName),
      directory,
      access: operatorAccess(),
    };
  }
  return { ...cached, ids: uuids };
}
