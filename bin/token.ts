/**
 * `npm run token -- <sub> [role] [partnerId] [operatorRole]`: prints a token the local gateway accepts.
 * Examples: `npm run token -- member-basic`, `npm run token -- op-tw-staff` (a demo operator), `npm run token --
 * admin-1` (the demo admin), `npm run token -- op-x operator partner-tw full`.
 */

import { admins, operators } from '../lib/local/demo-data';
import { issueToken, type TokenSubject } from '../lib/local/tokens';

const [sub, roleArg, partnerArg, operatorRoleArg] = process.argv.slice(2);
if (!sub) {
  console.error('usage: npm run token -- <sub> [member|operator|admin] [partnerId] [full|staff|usage]');
  process.exit(2);
}
const demoOperator = operators.find((o) => o.operatorId === sub);
const role = (roleArg ??
  (demoOperator ? 'operator' : admins.includes(sub) ? 'admin' : 'member')) as TokenSubject['role'];
if (!['member', 'operator', 'admin'].includes(role)) {
  console.error(`unknown role ${role}: use member, operator or admin`);
  process.exit(2);
}
const subject: TokenSubject = { sub, role };
if (role === 'operator') {
  subject.partnerId = partnerArg ?? demoOperator?.partnerId;
  subject.operatorRole = (operatorRoleArg ?? demoOperator?.operatorRole) as TokenSubject['operatorRole'];
  if (!subject.partnerId || !subject.operatorRole) {
    console.error('an operator token needs a partnerId and an operatorRole (full, staff or usage)');
    process.exit(2);
  }
}
console.log(issueToken(subject));
