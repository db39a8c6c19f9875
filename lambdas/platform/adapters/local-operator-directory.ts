import { logger } from '../instrument';
import type { Ids, NewSignIn, OperatorDirectory } from '../ports';

/**
 * Operators' sign-ins on the local stack, where there is no user pool: the local token issuer signs a token for any
 * subject (`npm run token -- <operatorId> operator <partnerId> <role>`), and the account in the table is what the API
 * goes by. A new sign-in gets a fresh id; nothing else is kept.
 */
export class LocalOperatorDirectory implements OperatorDirectory {
  constructor(private readonly ids: Ids) {}

  async create({ email, partnerId, operatorRole }: NewSignIn): Promise<{ operatorId: string }> {
    const operatorId = this.ids.next();
    logger.info('Local operator sign-in made', { operatorId, email, partnerId, operatorRole });
    return { operatorId };
  }

  async update(): Promise<void> {}

  async remove(): Promise<void> {}
}
