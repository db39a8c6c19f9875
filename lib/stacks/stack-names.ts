import type { Audience } from '../constructs/api';

/**
 * The stacks of a stage, in deployment order: data and identity; asynchronous work; the member API; the partner
 * and back-office API; operations (the dashboard).
 */
export const STACK_PARTS = ['data', 'async', 'memberApi', 'partnerApi', 'operations'] as const;
export type StackPart = (typeof STACK_PARTS)[number];

/** The stack holding the routes of an audience. */
export const apiStackPart = (audience: Audience): StackPart => `${audience}Api`;

/** CloudFormation name of a stack of a stage, e.g. `Coworking-dev-MemberApi`. */
export const stackName = (stage: string, part: StackPart): string =>
  `Coworking-${stage}-${part[0]?.toUpperCase()}${part.slice(1)}`;
