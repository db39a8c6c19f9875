/**
 * Draws a payment notice as a one-page PDF (lambdas/platform/pdf): the layout of rules/notice-document.ts, its text in
 * the document font embedded as a subset, its rules as filled rectangles. Only the notice's route imports this, and
 * only when a PDF is asked for (a dynamic import): its JSON answers' cold start does not evaluate the PDF writer.
 */
import { A4 } from '../../domain/typesetting';
import { drawLines, fillRectangles, onePageDocument, savedDocument } from '../../platform/pdf/document';
import {
  NOTICE_ISSUER,
  NOTICE_TITLE,
  type NoticeDocumentContent,
  noticeLayout,
  periodTitle,
  RULE_GRAY,
} from './rules/notice-document';

/** The notice as a PDF, dated as it was issued (the same notice prints the same document, whenever asked). */
export async function renderPaymentNotice(content: NoticeDocumentContent): Promise<Uint8Array> {
  const pdf = await onePageDocument(A4);
  const layout = noticeLayout(content, pdf.metrics);
  fillRectangles(pdf, layout.rules, { gray: RULE_GRAY });
  drawLines(pdf, layout.lines);
  const { notice } = content;
  return savedDocument(pdf.doc, {
    title: `${NOTICE_TITLE} ${periodTitle(notice.period)} ${content.partnerName}`,
    subject: `${NOTICE_TITLE} ${notice.noticeId}`,
    creator: NOTICE_ISSUER,
    date: new Date(notice.issuedAt),
  });
}
