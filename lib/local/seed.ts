import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FacilityRepository } from '../../lambdas/modules/catalog/data/facility';
import { PartnerRepository } from '../../lambdas/modules/catalog/data/partner';
import { MemberRepository } from '../../lambdas/modules/membership/data/member';
import * as demo from './demo-data';

/** Writes the demo data through the same repositories the handlers use. Idempotent (puts). */
export async function seedDemoData(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const facilityRepo = new FacilityRepository(doc, tableName);
  const memberRepo = new MemberRepository(doc, tableName);
  const partnerRepo = new PartnerRepository(doc, tableName);
  await Promise.all([
    ...demo.facilities.map((f) => facilityRepo.putFacility(f)),
    ...demo.spaces.map((s) => facilityRepo.putSpace(s)),
    ...demo.companies.map((c) => memberRepo.putCompany(c)),
    ...demo.members.map((m) => memberRepo.putMember(m)),
    ...demo.partners.map((p) => partnerRepo.putPartner(p)),
    ...demo.operators.map((o) => partnerRepo.putOperator(o)),
  ]);
}
