/**
 * The names of the API's schemas in the OpenAPI document: generated clients get these as type names. Every
 * answer and body a route is made with must be one of these (the document builder refuses an unnamed one).
 */
import type * as z from '../zod';
import {
  agreedExtensionBody,
  companyPatchBody,
  companyResponse,
  doorsBody,
  doorsResponse,
  newCompanyBody,
  newFacilityBody,
  newOpenSpaceBody,
  visitCorrectionBody,
} from './admin';
import {
  availabilityResponse,
  createReservationBody,
  extendBody,
  reservationResponse,
  reservationsPageResponse,
} from './booking';
import { calendarResponse, closureBody, closureCreatedResponse, hoursBody, specialDayBody } from './calendar';
import {
  facilityResponse,
  facilitySummaryListResponse,
  facilitySummaryResponse,
  photoResponse,
  spaceResponse,
} from './catalog';
import { emptyBody, problemResponse } from './common';
import { congestionBody, congestionResponse } from './congestion';
import { exportBody, exportResponse, exportStartedResponse } from './exports';
import {
  corporateCodeBody,
  meResponse,
  planChangeBody,
  purchaseBody,
  purchaseListResponse,
  purchaseResponse,
} from './membership';
import {
  accountPatchBody,
  newAccountBody,
  newPartnerBody,
  operatorAccountListResponse,
  operatorAccountResponse,
  partnerCreatedResponse,
  partnerPatchBody,
  partnerProfileResponse,
} from './partner-accounts';
import {
  facilityPatchBody,
  newPhotoBody,
  newPhotoResponse,
  operatorFacilityListResponse,
  operatorFacilityResponse,
} from './partner-facilities';
import { newSpaceBody, operatorSpaceResponse, spacePatchBody } from './partner-spaces';
import { bookingRequestListResponse, operatorReservationResponse, rejectBody } from './requests';
import { salesLineResponse, salesPageResponse, salesSummaryResponse, salesTotalResponse } from './sales';
import {
  companyPaymentBody,
  companyPaymentResponse,
  noticeLinesResponse,
  noticeOffsetResponse,
  noticeOffsetsResponse,
  noticePaidBody,
  partnerOffsetBody,
  partnerOffsetResponse,
  paymentNoticeListResponse,
  paymentNoticeResponse,
} from './settlement';
import { doorBody, stayResponse, unlockBody, unlockCommandResponse } from './stay';
import { ticketResponse } from './tickets';
import {
  usageGuestPageResponse,
  usageGuestResponse,
  usageReservationPageResponse,
  usageReservationResponse,
  usageVisitPageResponse,
  usageVisitResponse,
} from './usage';
import {
  currentUsageResponse,
  guestsBody,
  operatorVisitResponse,
  qrBody,
  ticketCheckInBody,
  visitListResponse,
  visitResponse,
} from './visits';

/** Answers, in the document as their output (what a client receives). */
export const ANSWER_NAMES: ReadonlyArray<readonly [z.ZodMiniType, string]> = [
  [facilitySummaryResponse, 'FacilitySummary'],
  [facilitySummaryListResponse, 'FacilitySummaryList'],
  [spaceResponse, 'Space'],
  [facilityResponse, 'Facility'],
  [availabilityResponse, 'Availability'],
  [reservationResponse, 'Reservation'],
  [reservationsPageResponse, 'ReservationPage'],
  [unlockCommandResponse, 'UnlockCommand'],
  [stayResponse, 'Stay'],
  [meResponse, 'Me'],
  [purchaseResponse, 'Purchase'],
  [purchaseListResponse, 'PurchaseList'],
  [operatorReservationResponse, 'BookingRequest'],
  [bookingRequestListResponse, 'BookingRequestList'],
  [operatorFacilityResponse, 'OperatorFacility'],
  [operatorFacilityListResponse, 'OperatorFacilityList'],
  [photoResponse, 'Photo'],
  [operatorSpaceResponse, 'OperatorSpace'],
  [newPhotoResponse, 'PhotoUpload'],
  [calendarResponse, 'SpaceCalendar'],
  [closureCreatedResponse, 'ClosureCreated'],
  [companyResponse, 'Company'],
  [doorsResponse, 'FacilityDoors'],
  [operatorAccountResponse, 'OperatorAccount'],
  [operatorAccountListResponse, 'OperatorAccountList'],
  [partnerProfileResponse, 'PartnerProfile'],
  [partnerCreatedResponse, 'PartnerCreated'],
  [congestionResponse, 'SpaceCongestion'],
  [visitResponse, 'Visit'],
  [visitListResponse, 'VisitList'],
  [operatorVisitResponse, 'OperatorVisit'],
  [currentUsageResponse, 'CurrentUsage'],
  [usageVisitResponse, 'UsageVisit'],
  [usageVisitPageResponse, 'UsageVisitPage'],
  [usageGuestResponse, 'UsageGuest'],
  [usageGuestPageResponse, 'UsageGuestPage'],
  [usageReservationResponse, 'UsageReservation'],
  [usageReservationPageResponse, 'UsageReservationPage'],
  [ticketResponse, 'MemberTicket'],
  [salesLineResponse, 'SalesLine'],
  [salesPageResponse, 'SalesLinePage'],
  [salesTotalResponse, 'SalesTotal'],
  [salesSummaryResponse, 'SalesSummary'],
  [companyPaymentResponse, 'CompanyPayment'],
  [partnerOffsetResponse, 'PartnerOffset'],
  [paymentNoticeResponse, 'PaymentNotice'],
  [paymentNoticeListResponse, 'PaymentNoticeList'],
  [noticeLinesResponse, 'PaymentNoticeLinePage'],
  [noticeOffsetResponse, 'PaymentNoticeOffset'],
  [noticeOffsetsResponse, 'PaymentNoticeOffsetList'],
  [exportStartedResponse, 'ExportStarted'],
  [exportResponse, 'Export'],
  [problemResponse, 'Problem'],
];

/** Request bodies, in the document as their input (what a client sends). */
export const BODY_NAMES: ReadonlyArray<readonly [z.ZodMiniType, string]> = [
  [createReservationBody, 'NewReservation'],
  [extendBody, 'Extension'],
  [rejectBody, 'Rejection'],
  [doorBody, 'AtDoor'],
  [unlockBody, 'UnlockRequest'],
  [corporateCodeBody, 'CorporateCode'],
  [planChangeBody, 'PlanChange'],
  [purchaseBody, 'NewPurchase'],
  [emptyBody, 'NoFields'],
  [facilityPatchBody, 'FacilityPatch'],
  [newPhotoBody, 'NewPhoto'],
  [spacePatchBody, 'SpacePatch'],
  [newSpaceBody, 'NewSpace'],
  [hoursBody, 'WeekHours'],
  [specialDayBody, 'SpecialDay'],
  [closureBody, 'NewClosure'],
  [newFacilityBody, 'NewFacility'],
  [newOpenSpaceBody, 'NewOpenSpace'],
  [doorsBody, 'DoorsSetting'],
  [newCompanyBody, 'NewCompany'],
  [companyPatchBody, 'CompanyPatch'],
  [agreedExtensionBody, 'AgreedExtension'],
  [visitCorrectionBody, 'VisitCorrection'],
  [newAccountBody, 'NewOperatorAccount'],
  [accountPatchBody, 'OperatorAccountPatch'],
  [partnerPatchBody, 'PartnerProfilePatch'],
  [newPartnerBody, 'NewPartner'],
  [congestionBody, 'CongestionSetting'],
  [qrBody, 'ScannedQr'],
  [guestsBody, 'NewGuests'],
  [ticketCheckInBody, 'TicketCheckIn'],
  [companyPaymentBody, 'NewCompanyPayment'],
  [partnerOffsetBody, 'NewPartnerOffset'],
  [exportBody, 'NewExport'],
  [noticePaidBody, 'PaymentNoticePaid'],
];
