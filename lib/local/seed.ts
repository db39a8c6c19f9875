import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DoorRegistry, FacilityRepository, PartnerRepository, SpaceRepository } from '../../lambdas/modules/catalog';
import { CompanyRepository, MemberRepository } from '../../lambdas/modules/membership';
import { OperatorAccountRepository } from '../../lambdas/platform/operator-accounts';
import * as demo from './demo-data';

/** Writes the demo data through the same repositories the handlers use. Idempotent (puts). */
export async function seedDemoData(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const facilityRepo = new FacilityRepository(doc, tableName);
  const spaceRepo = new SpaceRepository(doc, tableName);
  const memberRepo = new MemberRepository(doc, tableName);
  const companyRepo = new CompanyRepository(doc, tableName);
  const partnerRepo = new PartnerRepository(doc, tableName);
  const operatorRepo = new OperatorAccountRepository(doc, tableName);
  const doorRegistry = new DoorRegistry(doc, tableName);
  await Promise.all([
    ...demo.facilities.map((f) => facilityRepo.putFacility(f)),
    ...demo.facilities.map((f) => doorRegistry.putDoors(f)),
    ...demo.spaces.map((s) => spaceRepo.putSpace(s)),
    ...demo.companies.map((c) => companyRepo.putCompany(c)),
    ...demo.members.map((m) => memberRepo.putMember(m, { email: demo.localMemberEmail(m.memberId) })),
    ...demo.partners.map((p) => partnerRepo.putPartner(p)),
    ...demo.operators.map((o) => operatorRepo.put(o)),
  ]);
}
