import { DOCUMENT_FONT } from '../../platform/pdf/font';
import { ADMIN, type Route } from '../../platform/route';

/** The partner's money screens (004 §3-5): its full and staff operators read them; usage operators do not (api.md). */
const FULL_AND_STAFF = { role: 'operator', operatorRoles: ['full', 'staff'] } as const;

/** Settlement's routes: the back office's payments and offsets, the partners' notices (rows of lambdas/routes.ts). */
export const rows = {
  recordCompanyPayment: {
    id: 'record-company-payment',
    module: 'settlement',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/company-payments',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    // idempotency claim; the company; the payment with its period still open (one transaction); idempotency answer
    maxTableCommands: 4,
    idempotent: true,
  },
  recordPartnerOffset: {
    id: 'record-partner-offset',
    module: 'settlement',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/partners/{partnerId}/offsets',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    // idempotency claim; the partner; the offset with its period still open (one transaction); idempotency answer
    maxTableCommands: 4,
    idempotent: true,
  },
  markPaymentNoticePaid: {
    id: 'mark-payment-notice-paid',
    module: 'settlement',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/payment-notices/{noticeId}/paid',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    // idempotency claim; the notice; its update while issued (and, when another call marked it first, the notice read
    // again); idempotency answer
    maxTableCommands: 5,
    idempotent: true,
  },
  listPaymentNotices: {
    id: 'list-payment-notices',
    module: 'settlement',
    method: 'GET',
    path: '/v1/operator/payment-notices',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:Query'],
    // one page of the partner's notices
    maxTableCommands: 1,
  },
  getPaymentNotice: {
    id: 'get-payment-notice',
    module: 'settlement',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/payment-notices/{id}',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:GetItem'],
    // the notice; asked for as a PDF, its partner (the addressee's name)
    maxTableCommands: 2,
    // the document's font travels beside this function's bundle (the PDF answer), and no other notice route's
    bundledFiles: [DOCUMENT_FONT],
  },
  listPaymentNoticeLines: {
    id: 'list-payment-notice-lines',
    module: 'settlement',
    refusals: ['NOT_FOUND', 'EXPORT_TOO_LARGE'],
    method: 'GET',
    path: '/v1/operator/payment-notices/{id}/lines',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    // the notice; the ids of the records it pays (at most 60 chunks of ~50 KB: 4 queries; a CSV answer's at most 10
    // chunks: 1); the lines of its period on the partner index (a page: at most 5 queries of 200 records; a CSV answer:
    // at most 10 of 1 MB)
    maxTableCommands: 12,
  },
  listPaymentNoticeOffsets: {
    id: 'list-payment-notice-offsets',
    module: 'settlement',
    refusals: ['NOT_FOUND', 'EXPORT_TOO_LARGE'],
    method: 'GET',
    path: '/v1/operator/payment-notices/{id}/offsets',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    // the notice; the partner's offsets of the periods it settled (a handful of small items: one query)
    maxTableCommands: 2,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
