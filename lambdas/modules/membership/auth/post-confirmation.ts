import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { CLAIMS } from '../../../../contracts/auth';
import { localDateOf } from '../../../domain/calendar';
import { SERVICE_TIME_ZONE } from '../../../domain/model';
import { clock } from '../../../platform/clock';
import { logger } from '../../../platform/instrument';
import { membershipDeps } from '../deps';

/**
 * Cognito post-confirmation trigger: a confirmed sign-up of a member gets its profile, on the basic plan
 * from today, with the next member number. Operators and admins are created by staff and have none.
 * A repeated trigger changes nothing.
 */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const role = event.request.userAttributes[CLAIMS.role] ?? 'member';
  const memberId = event.request.userAttributes.sub;
  if (role !== 'member' || !memberId) return event;
  const { members, memberNumbers } = membershipDeps();
  if (await members.getMember(memberId)) return event;
  const created = await members.createMember({
    memberId,
    memberNumber: await memberNumbers.next(),
    plan: 'basic',
    contractStart: localDateOf(clock.now(), SERVICE_TIME_ZONE),
    companyId: null,
    companyName: null,
  });
  logger.info(created ? 'Member profile created' : 'Member profile existed', { memberId });
  return event;
};
