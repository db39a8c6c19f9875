/**
 * The rendered examples page (docs/notifications.md) is what the templates render now, with an example of every
 * message kind: run `npm run docs:mails` after changing a template.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { outboxMessage } from '../../../../contracts/events';
import { MAIL_EXAMPLES, MAIL_EXAMPLES_FILE, mailExamplesMarkdown } from '../../../../lib/mail-examples';

describe('the rendered examples of the messages', () => {
  it('cover every message kind', () => {
    const kinds = outboxMessage.def.options.flatMap((o) => o.shape.kind.def.values).sort();
    expect([...new Set(MAIL_EXAMPLES.map((e) => e.message.kind))].sort()).toEqual(kinds);
  });

  it('are committed as rendered (npm run docs:mails)', async () => {
    const committed = await readFile(new URL(`../../../../${MAIL_EXAMPLES_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(await mailExamplesMarkdown());
  });

  it('show each recipient group of a booking: the member and the facility', async () => {
    const page = await mailExamplesMarkdown();
    expect(page).toContain('### To the member (member-demo@example.com)');
    expect(page).toContain('### To the facility’s notification addresses (ops@tw-shibuya.example)');
    expect(page).toContain('件名: 【TIMEWORK】スペースご予約延長のお知らせ');
  });
});
