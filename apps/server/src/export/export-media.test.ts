import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@tern/forms';
import { formSheets } from './export-table.ts';

const form: FormDefinition = {
  id: 'visit',
  version: '1',
  title: { en: 'Visit' },
  defaultLanguage: 'en',
  children: [{ type: 'media', name: 'door', label: { en: 'Photo of the door' }, accept: 'image' }],
};

describe('export of media answers', () => {
  it('names the file and the digest that fetches it, never the reference as JSON', () => {
    const digest = 'ab'.repeat(32);
    const [main] = formSheets(
      form,
      [
        {
          _id: 'sub:1',
          _rev: '1-a',
          _revisions: { start: 1, ids: ['a'] },
          type: 'submission',
          form: 'visit@1',
          answers: { door: { digest, mediaType: 'image/jpeg', size: 10, name: 'door.jpg' } },
        },
      ],
      'en',
    );
    expect(main!.header).toContain('Photo of the door');
    expect(main!.rows[0]).toContain(`door.jpg (sha-256 ${digest})`);
  });
});
