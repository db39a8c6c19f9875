/**
 * Contracts of an open space's congestion (api.md "Partner routes": congestion; domain-rules §6, 004 §3-1): how full
 * it is, set by the partner's staff, shown to members on the space and, as one level, on the facility's pin.
 */
import * as z from '../zod';
import { id, zoned } from './common';

/** ゆとりがあります, やや混んでいます, ご利用いただけません: the order is the order of worse. */
export const CONGESTION_LEVELS = ['plenty', 'crowded', 'full'] as const;
export type CongestionLevel = (typeof CONGESTION_LEVELS)[number];

export const congestionLevel = z.enum(CONGESTION_LEVELS);
export const congestionPath = z.strictObject({ spaceId: id });

/** `PUT …/congestion`: the level and a comment; a comment left out is none. */
export const congestionBody = z.strictObject({
  level: congestionLevel,
  comment: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

/** An open space's congestion as members see it: when it was last set (the facility's zone). */
export const spaceCongestionResponse = z.strictObject({
  level: congestionLevel,
  comment: z.nullable(z.string()),
  updatedAt: zoned,
});

/** The congestion an operator set, of which space. */
export const congestionResponse = z.strictObject({ spaceId: z.string(), ...spaceCongestionResponse.shape });

export type CongestionBody = z.infer<typeof congestionBody>;
export type CongestionResponse = z.infer<typeof congestionResponse>;
