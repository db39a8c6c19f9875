import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { CLAIMS } from '../../../../contracts/auth';
import { logger } from '../../../platform/instrument';
import { membershipDeps } from '../deps';

/**
 * Cognito post-confirmation trigger: a confirmed sign-up of a member gets its profile, with no plan yet, and
 * the next member number. Operators and admins are created by staff and have none.
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
    // no plan until a corporate code links a company or a plan is bought (domain-rules §1)
    plan: null,
    contractStart: null,
    companyId: null,
    companyName: null,
  });
  logger.info(created ? 'Member profile created' : 'Member profile existed', { memberId });
  return event;
};
