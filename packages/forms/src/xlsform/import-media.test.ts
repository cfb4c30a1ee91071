import { describe, expect, it } from 'vitest';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';
import { workbook } from './xlsform-test-helpers.ts';

const lines = (r: ReturnType<typeof importXlsForm>) =>
  r.problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column ?? ''}: ${p.message}`);

const photo = {
  digest: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  mediaType: 'image/jpeg',
  size: 1234,
  name: 'door.jpg',
};

const form = importXlsForm(
  workbook({
    survey: [
      ['type', 'name', 'label', 'required', 'parameters', 'relevant', 'default'],
      ['image', 'door', 'Photo of the door', 'yes', 'max-pixels=640'],
      ['text', 'door_note', 'Note', '', '', "${door} = 'door.jpg'"],
      ['audio', 'voice', 'Statement'],
      ['video', 'clip', 'Clip'],
      ['file', 'doc', 'Document'],
      ['signature', 'sign', 'Signature'],
      ['picture', 'extra', 'Extra', '', 'max-pixels=big'],
      ['audio', 'voice2', 'Again', '', 'max-pixels=10', '', 'old.mp3'],
    ],
  }),
);

describe('media questions from an XLSForm', () => {
  it('imports image, audio, video, file and signature as media questions with plain warnings', () => {
    expect(lines(form)).toEqual([
      'warning survey!7 type: signature is asked as an image: a photo of the signature or an image file (Tern has no drawing pad)',
      'warning survey!8 parameters: max-pixels=big is not a whole number of pixels; the image is kept as taken',
      'warning survey!9 parameters: max-pixels applies to an image question; ignored',
      'warning survey!9 default: a default file for a media question is not supported; ignored',
    ]);
    const byName = Object.fromEntries(form.form!.children.map((n) => [n.name, n]));
    expect(byName.door).toEqual({
      type: 'media',
      name: 'door',
      label: { en: 'Photo of the door' },
      accept: 'image',
      maxPixels: 640,
      required: true,
    });
    expect(
      ['voice', 'clip', 'doc', 'sign', 'extra'].map((n) => (byName[n] as { accept: string }).accept),
    ).toEqual(['audio', 'video', 'file', 'image', 'image']);
    expect(byName.sign).toMatchObject({ appearance: 'signature' });
    expect(byName.extra).not.toHaveProperty('maxPixels');
    expect(byName.voice2).not.toHaveProperty('default');
  });

  it('accepts an attachment reference and lets expressions see its file name', () => {
    expect(validateResponse(form.form!, { door: photo, door_note: 'green' })).toEqual([]);
    const pdf = { ...photo, mediaType: 'application/pdf', name: 'a.pdf' };
    expect(validateResponse(form.form!, { door: photo, doc: pdf })).toEqual([]);
  });

  it('refuses a missing required photo and a bad reference with a message that says what is wrong', () => {
    const issues = (answers: Record<string, unknown>) =>
      validateResponse(form.form!, answers).map((i) => `${i.field} ${i.code}: ${i.message}`);
    expect(issues({})).toEqual(['door required: This question is required']);
    expect(issues({ door: 'door.jpg' })).toEqual([
      'door type: Expected an image attached (digest, media type, size, name); Invalid input: expected object, received string',
    ]);
    expect(issues({ door: { ...photo, digest: 'ABC' } })).toEqual([
      'door type: Expected an image attached (digest, media type, size, name); digest: a digest is the sha-256 of the file as 64 lowercase hex digits',
    ]);
    expect(issues({ door: { ...photo, size: -1 } })[0]).toMatch(/^door type: .*size: /);
    expect(issues({ door: { ...photo, name: '' } })[0]).toMatch(/^door type: .*name: /);
    expect(issues({ door: { ...photo, mediaType: 'jpeg' } })[0]).toMatch(/media type such as image\/jpeg/);
    expect(issues({ door: { ...photo, extra: 1 } })[0]).toMatch(/^door type: .*extra/);
    expect(issues({ door: { ...photo, mediaType: 'application/pdf' } })).toEqual([
      'door type: Expected an image, got a file of type application/pdf',
    ]);
    expect(issues({ door: photo, voice: photo })).toEqual([
      'voice type: Expected a sound recording, got a file of type image/jpeg',
    ]);
    expect(issues({ door: photo, clip: { ...photo, mediaType: 'audio/mp4' } })).toEqual([
      'clip type: Expected a video, got a file of type audio/mp4',
    ]);
  });

  it('relevance reads the file name: the note is irrelevant for another photo', () => {
    const other = { ...photo, name: 'wall.jpg' };
    expect(
      validateResponse(form.form!, { door: other, door_note: 'x' }).map((i) => `${i.field} ${i.code}`),
    ).toEqual(['door_note irrelevant_answer']);
  });
});
