/**
 * The demo data of the local stack. Ids are exact: clients and tests rely on them.
 */
import type {
  Company,
  Door,
  Facility,
  Member,
  OperatorRole,
  Space,
  SpaceCalendar,
  Station,
  WeeklyHours,
} from '../../lambdas/domain/model';

const TOKYO = 'Asia/Tokyo';
const everyDay = (open: string, close: string): WeeklyHours[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open, close }));
const weekdays = (open: string, close: string): WeeklyHours[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));
const calendar = (regularHours: WeeklyHours[]): SpaceCalendar => ({ regularHours, specialOpenDays: [], closures: [] });

/** The hours of each demo facility's spaces (calendars belong to spaces, domain-rules §2; here alike per facility). */
const HOURS: Readonly<Record<string, WeeklyHours[]>> = {
  'h1t-kudanshita': everyDay('08:00', '21:00'),
  'h1t-ryogoku': everyDay('08:00', '21:00'),
  'iioffice-shinjuku': everyDay('09:00', '22:00'),
  'solotime-shibuya': everyDay('07:00', '23:00'),
  'regus-marunouchi': weekdays('09:00', '18:00'),
  'kaikatsu-kanda': everyDay('00:00', '24:00'),
  'tw-shibuya': weekdays('09:00', '21:00'),
};
const calendarOfFacility = (facilityId: string): Pick<Space, 'calendar' | 'calendarVersion'> => ({
  calendar: calendar(HOURS[facilityId] ?? []),
  calendarVersion: 1,
});
/** Stations with the walk from each, and their names (what the member routes show). */
const near = (...stations: Station[]): Pick<Facility, 'stations' | 'nearestStations'> => ({
  stations,
  nearestStations: stations.map((s) => s.station),
});
const station = (line: string, name: string, walkMinutes: number, walkMeters: number): Station => ({
  line,
  station: name,
  walkMinutes,
  walkMeters,
});
const door = (doorId: string, name: string, keyType: Door['keyType'] = 'smartLock'): Door => ({
  doorId,
  name,
  keyType,
});

const facilityBase: Pick<
  Facility,
  'publishFrom' | 'publishUntil' | 'notificationEmails' | 'checkInMethod' | 'dailyCheckInLimit' | 'basicPlanAllowed'
> = {
  publishFrom: null,
  publishUntil: null,
  notificationEmails: [],
  checkInMethod: 'app',
  dailyCheckInLimit: null,
  basicPlanAllowed: true,
};

/**
 * An NIKKEI OFFICE PASS style reservable space: instant, 0–7 days, check-in 5 min before. No in-app extension
 * (the current guide, 000 §2-06: "延長利用には新たに席を予約"); the older H1T button setting (15 min before the
 * end) stays as the space's setting.
 */
const officePassSpace = (
  spaceId: string,
  facilityId: string,
  fields: Pick<Space, 'name' | 'type' | 'capacity' | 'perCheckInLimitMinutes' | 'price15' | 'doorIds'> & Partial<Space>,
): Space => ({
  spaceId,
  version: 1,
  facilityId,
  status: 'active',
  bookingType: 'instant',
  bookableFrom: null,
  bookableUntil: null,
  windowDaysFrom: 0,
  windowDaysTo: 7,
  priceDay: null,
  minBookingMinutes: 15,
  checkInOpensMinutesBefore: 5,
  extension: { allowed: false, opensMinutesBeforeEnd: 15 },
  cancellationFees: [],
  options: [],
  ...calendarOfFacility(facilityId),
  ...fields,
});

const dropInSpace = (
  spaceId: string,
  facilityId: string,
  name: string,
  capacity: number,
  limit: number,
  qrValue: string,
  billing: Pick<Space, 'price15' | 'guestLimit'>,
): Space =>
  officePassSpace(spaceId, facilityId, {
    name,
    type: 'openSpace',
    capacity,
    perCheckInLimitMinutes: limit,
    doorIds: [],
    checkInOpensMinutesBefore: 0,
    extension: { allowed: false, opensMinutesBeforeEnd: null },
    qrValue,
    ...billing,
  });

const h1tDoors = ['h1t-kudanshita-front', 'h1t-kudanshita-side'];

export const facilities: Facility[] = [
  {
    ...facilityBase,
    version: 1,
    facilityId: 'h1t-kudanshita',
    partnerId: 'partner-h1t',
    name: 'H1T九段下',
    brand: 'H1T',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '千代田区', line: '九段北1-3-3' },
    location: { lat: 35.6954, lng: 139.7514 },
    ...near(station('東京メトロ東西線', '九段下', 2, 150)),
    amenities: ['wifi', 'power', 'phoneOk', 'phoneBooth'],
    dailyCheckInLimit: 5,
    timeZone: TOKYO,
    doors: [door('h1t-kudanshita-front', '正面入口'), door('h1t-kudanshita-side', '側面入口')],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'h1t-ryogoku',
    partnerId: 'partner-h1t',
    name: 'H1T両国',
    brand: 'H1T',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '墨田区', line: '両国2-10-14' },
    location: { lat: 35.6955, lng: 139.7937 },
    ...near(station('JR総武線', '両国', 3, 240)),
    amenities: ['wifi', 'power', 'phoneOk'],
    dailyCheckInLimit: 5,
    timeZone: TOKYO,
    doors: [door('h1t-ryogoku-front', '正面入口')],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'iioffice-shinjuku',
    partnerId: 'partner-iioffice',
    name: 'いいオフィス新宿',
    brand: 'いいオフィス',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '新宿区', line: '西新宿1-1-1' },
    location: { lat: 35.6909, lng: 139.6995 },
    ...near(station('JR山手線', '新宿', 5, 400)),
    amenities: ['wifi', 'power', 'freeDrink'],
    timeZone: TOKYO,
    doors: [door('iioffice-shinjuku-door', '入口', 'keypad')],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'solotime-shibuya',
    partnerId: 'partner-solotime',
    name: 'SoloTime渋谷',
    brand: 'SoloTime',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '渋谷区', line: '道玄坂1-1-1' },
    location: { lat: 35.658, lng: 139.6982 },
    ...near(station('JR山手線', '渋谷', 4, 300)),
    amenities: ['wifi', 'power', 'phoneOk', 'phoneBooth'],
    timeZone: TOKYO,
    doors: [door('solotime-shibuya-door', '入口')],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'regus-marunouchi',
    partnerId: 'partner-regus',
    name: 'リージャス丸の内',
    brand: 'Regus',
    kind: 'dropin',
    address: { prefecture: '東京都', city: '千代田区', line: '丸の内1-1-1' },
    location: { lat: 35.6812, lng: 139.7671 },
    ...near(station('JR山手線', '東京', 3, 200), station('東京メトロ丸ノ内線', '大手町', 5, 400)),
    amenities: ['wifi', 'power', 'freeDrink', 'meetingRoom'],
    checkInMethod: 'qr',
    basicPlanAllowed: false,
    timeZone: TOKYO,
    doors: [],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'kaikatsu-kanda',
    partnerId: 'partner-kaikatsu',
    name: '快活CLUB神田',
    brand: '快活CLUB',
    kind: 'dropin',
    address: { prefecture: '東京都', city: '千代田区', line: '鍛冶町2-1-1' },
    location: { lat: 35.6918, lng: 139.7709 },
    ...near(station('JR山手線', '神田', 2, 150)),
    amenities: ['wifi', 'power', 'freeDrink'],
    checkInMethod: 'qr',
    dailyCheckInLimit: 1,
    timeZone: TOKYO,
    doors: [],
  },
  {
    ...facilityBase,
    version: 1,
    facilityId: 'tw-shibuya',
    partnerId: 'partner-tw',
    name: 'TIMEWORK渋谷',
    brand: 'TIMEWORK',
    kind: 'meeting',
    address: { prefecture: '東京都', city: '渋谷区', line: '渋谷2-2-2' },
    location: { lat: 35.6595, lng: 139.7036 },
    ...near(station('東京メトロ半蔵門線', '渋谷', 3, 250)),
    amenities: ['wifi', 'power', 'meetingRoom'],
    notificationEmails: ['ops@tw-shibuya.example'],
    timeZone: TOKYO,
    doors: [door('tw-shibuya-door', '入口')],
  },
];

export const spaces: Space[] = [
  officePassSpace('h1t-kudanshita-box', 'h1t-kudanshita', {
    name: 'ボックス席',
    type: 'seat',
    capacity: 2,
    perCheckInLimitMinutes: 60,
    price15: 200,
    doorIds: h1tDoors,
  }),
  officePassSpace('h1t-kudanshita-room', 'h1t-kudanshita', {
    name: '1名個室',
    type: 'seat',
    capacity: 1,
    perCheckInLimitMinutes: 30,
    price15: 300,
    doorIds: h1tDoors,
  }),
  officePassSpace('h1t-kudanshita-open', 'h1t-kudanshita', {
    name: 'オープン席',
    type: 'seat',
    capacity: 3,
    perCheckInLimitMinutes: 120,
    price15: 100,
    doorIds: h1tDoors,
  }),
  officePassSpace('h1t-ryogoku-box', 'h1t-ryogoku', {
    name: 'ボックス席',
    type: 'seat',
    capacity: 2,
    perCheckInLimitMinutes: 60,
    price15: 200,
    doorIds: ['h1t-ryogoku-front'],
  }),
  officePassSpace('iioffice-shinjuku-private', 'iioffice-shinjuku', {
    name: '個室',
    type: 'seat',
    capacity: 1,
    perCheckInLimitMinutes: 120,
    minBookingMinutes: 60,
    price15: 300,
    checkInOpensMinutesBefore: 0,
    doorIds: ['iioffice-shinjuku-door'],
  }),
  officePassSpace('iioffice-shinjuku-semi', 'iioffice-shinjuku', {
    name: '半個室',
    type: 'seat',
    capacity: 2,
    perCheckInLimitMinutes: 120,
    minBookingMinutes: 60,
    price15: 250,
    checkInOpensMinutesBefore: 0,
    doorIds: ['iioffice-shinjuku-door'],
  }),
  officePassSpace('solotime-shibuya-room', 'solotime-shibuya', {
    name: '個室',
    type: 'seat',
    capacity: 1,
    perCheckInLimitMinutes: 60,
    price15: 300,
    doorIds: ['solotime-shibuya-door'],
  }),
  officePassSpace('solotime-shibuya-booth', 'solotime-shibuya', {
    name: 'ブース',
    type: 'seat',
    capacity: 2,
    perCheckInLimitMinutes: 30,
    price15: 200,
    doorIds: ['solotime-shibuya-door'],
  }),
  officePassSpace('solotime-shibuya-open', 'solotime-shibuya', {
    name: 'オープン席',
    type: 'seat',
    capacity: 4,
    perCheckInLimitMinutes: 120,
    price15: 100,
    doorIds: ['solotime-shibuya-door'],
  }),
  // 250 yen per 15 minutes, as 004 資料1's example; up to 2 guests per visit, billed per minute like the member
  dropInSpace('regus-marunouchi-lounge', 'regus-marunouchi', 'ラウンジ', 20, 240, 'QR-REGUS-MARUNOUCHI', {
    price15: 250,
    guestLimit: 2,
  }),
  // guests pay 快活CLUB on site (001: 別途現地で精算), not through the service
  dropInSpace('kaikatsu-kanda-booths', 'kaikatsu-kanda', 'ブース席', 30, 180, 'QR-KAIKATSU-KANDA', {
    price15: 0,
    guestLimit: 0,
  }),
  {
    spaceId: 'tw-shibuya-room-a',
    version: 1,
    facilityId: 'tw-shibuya',
    name: '会議室A',
    type: 'meetingRoom',
    status: 'active',
    bookingType: 'request',
    bookableFrom: null,
    bookableUntil: null,
    windowDaysFrom: 1,
    windowDaysTo: 90,
    price15: 500,
    priceDay: 10_000,
    minBookingMinutes: 60,
    perCheckInLimitMinutes: null,
    capacity: 1,
    checkInOpensMinutesBefore: 5,
    extension: { allowed: false, opensMinutesBeforeEnd: null },
    cancellationFees: [
      { daysBefore: 0, percent: 100 },
      { daysBefore: 3, percent: 30 },
    ],
    options: [{ optionId: 'coffee', name: 'コーヒー', unitPrice: 300, maxQuantity: 10 }],
    doorIds: ['tw-shibuya-door'],
    ...calendarOfFacility('tw-shibuya'),
  },
  {
    spaceId: 'tw-shibuya-desk',
    version: 1,
    facilityId: 'tw-shibuya',
    name: 'デスク席',
    type: 'seat',
    status: 'active',
    bookingType: 'instant',
    bookableFrom: null,
    bookableUntil: null,
    windowDaysFrom: 0,
    windowDaysTo: 90,
    price15: 150,
    priceDay: null,
    minBookingMinutes: 15,
    perCheckInLimitMinutes: 60,
    capacity: 4,
    checkInOpensMinutesBefore: 5,
    extension: { allowed: true, opensMinutesBeforeEnd: null },
    cancellationFees: [],
    options: [],
    doorIds: ['tw-shibuya-door'],
    ...calendarOfFacility('tw-shibuya'),
  },
];

export const companies: Company[] = [
  { companyId: 'example-corp', name: 'Example Corp', corporateCode: '1234567890123456', monthlyCap: null },
];

/** A local member's address when none is given: `<memberId>@example.com` (the local SES mailbox shows it). */
export const localMemberEmail = (memberId: string): string => `${memberId}@example.com`;

export const members: Member[] = [
  {
    memberId: 'member-basic',
    memberNumber: 'TW000001',
    plan: 'basic',
    contractStart: '2026-11-10',
    companyId: null,
    companyName: null,
  },
  {
    memberId: 'member-basic-2',
    memberNumber: 'TW000002',
    plan: 'basic',
    contractStart: '2026-10-31',
    companyId: null,
    companyName: null,
  },
  {
    memberId: 'member-premium',
    memberNumber: 'TW000003',
    plan: 'premium',
    contractStart: '2026-11-01',
    companyId: null,
    companyName: null,
  },
  {
    memberId: 'member-corporate',
    memberNumber: 'TW000004',
    plan: 'corporate',
    contractStart: null,
    companyId: 'example-corp',
    companyName: 'Example Corp',
  },
];

export interface Partner {
  partnerId: string;
  name: string;
  facilityIds: string[];
  /** Share of what member companies paid that the partner receives, in percent. */
  payoutRatePercent: number;
  /** Where its payment notices are sent. */
  paymentNoticeEmails: string[];
  /** The version of its profile (name, payment-notice e-mails). */
  version: number;
}

const partner = (partnerId: string, name: string, facilityIds: string[]): Partner => ({
  partnerId,
  name,
  facilityIds,
  payoutRatePercent: 70,
  paymentNoticeEmails: [`billing@${partnerId}.example.com`],
  version: 1,
});

export const partners: Partner[] = [
  partner('partner-h1t', 'H1T', ['h1t-kudanshita', 'h1t-ryogoku']),
  partner('partner-iioffice', 'いいオフィス', ['iioffice-shinjuku']),
  partner('partner-solotime', 'SoloTime', ['solotime-shibuya']),
  partner('partner-regus', 'Regus', ['regus-marunouchi']),
  partner('partner-kaikatsu', '快活CLUB', ['kaikatsu-kanda']),
  partner('partner-tw', 'TIMEWORK渋谷', ['tw-shibuya']),
];

/** An operator account of a partner; its id is the `sub` of its tokens (`npm run token -- <operatorId>`). */
export interface Operator {
  operatorId: string;
  partnerId: string;
  operatorRole: OperatorRole;
  /** Its sign-in name: `<operatorId>@example.com`. */
  email: string;
  name: string;
  status: 'active';
  version: number;
  /** When the account was made: 2026-04-01 00:00 in Tokyo. */
  createdAt: number;
}

const ROLE_NAMES: Readonly<Record<OperatorRole, string>> = {
  full: '管理者',
  staff: '施設スタッフ',
  usage: '利用状況担当',
};
const OPENED = Date.parse('2026-04-01T00:00:00+09:00');

const operator = (operatorId: string, partnerId: string, operatorRole: OperatorRole): Operator => ({
  operatorId,
  partnerId,
  operatorRole,
  email: `${operatorId}@example.com`,
  name: `${partners.find((p) => p.partnerId === partnerId)?.name ?? partnerId} ${ROLE_NAMES[operatorRole]}`,
  status: 'active',
  version: 1,
  createdAt: OPENED,
});

export const operators: Operator[] = [
  operator('op-h1t-full', 'partner-h1t', 'full'),
  operator('op-h1t-staff', 'partner-h1t', 'staff'),
  operator('op-h1t-usage', 'partner-h1t', 'usage'),
  operator('op-tw-full', 'partner-tw', 'full'),
  operator('op-tw-staff', 'partner-tw', 'staff'),
  operator('op-tw-usage', 'partner-tw', 'usage'),
  operator('op-regus-full', 'partner-regus', 'full'),
  operator('op-regus-staff', 'partner-regus', 'staff'),
  operator('op-regus-usage', 'partner-regus', 'usage'),
  operator('op-kaikatsu-full', 'partner-kaikatsu', 'full'),
  operator('op-kaikatsu-staff', 'partner-kaikatsu', 'staff'),
  operator('op-kaikatsu-usage', 'partner-kaikatsu', 'usage'),
  operator('op-iioffice-full', 'partner-iioffice', 'full'),
  operator('op-solotime-full', 'partner-solotime', 'full'),
];

/** The service's own staff (api.md: the back office). */
export const admins: readonly string[] = ['admin-1'];
