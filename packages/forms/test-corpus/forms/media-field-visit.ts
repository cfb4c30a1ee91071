import type { CorpusForm } from '../corpus-form.ts';

const digest = (c: string): string => c.repeat(64);

/**
 * A field visit with media questions in the shapes ODK and Kobo forms use them: `image` with
 * `max-pixels`, the older `photo` alias with `appearance new`, `signature`, `audio` with ODK Collect's
 * `quality` parameter, `video`, `file`, and a relevance on a photo's answer. Written for Tern from the
 * XLSForm specification (xlsform.org, "Media" and "Parameters") and ODK's form documentation.
 */
export const mediaFieldVisit: CorpusForm = {
  name: 'media-field-visit',
  source: 'written for Tern from the XLSForm specification (media types and parameters)',
  covers: [
    'image with max-pixels',
    'photo alias, appearance new (honoured)',
    'signature (warning: asked as an image)',
    'audio with quality parameter (warning)',
    'video, file',
    'annotate appearance (warning)',
    'relevance on a media answer',
  ],
  sheets: {
    survey: [
      ['type', 'name', 'label', 'required', 'appearance', 'parameters', 'relevant'],
      ['image', 'site', 'Photo of the site', 'yes', '', 'max-pixels=1024', ''], // 2
      ['photo', 'document', 'Photo of the document', 'no', 'new', '', ''], // 3
      ['text', 'doc_note', 'What does the document say?', '', '', '', "${document} != ''"], // 4
      ['signature', 'consent_sign', 'Signature of the person', '', '', '', ''], // 5
      ['audio', 'statement', 'Recorded statement', '', '', 'quality=voice-only', ''], // 6
      ['video', 'walkthrough', 'Video of the place', '', '', '', ''], // 7
      ['file', 'report', 'Report (PDF)', '', '', '', ''], // 8
      ['image', 'map_sketch', 'Sketch', '', 'annotate', 'max-pixels=800', ''], // 9
    ],
    settings: [
      ['form_title', 'form_id', 'version'],
      ['Field visit with media', 'field_visit_media', '2026120201'],
    ],
  },
  problems: ['warning survey!5 type', 'warning survey!6 parameters', 'warning survey!9 appearance'],
  filled: {
    site: { digest: digest('a'), mediaType: 'image/jpeg', size: 183_220, name: 'site.jpg' },
    document: { digest: digest('b'), mediaType: 'image/png', size: 90_001, name: 'passport.png' },
    doc_note: 'A passport, expired',
    statement: { digest: digest('c'), mediaType: 'audio/webm', size: 41_000, name: 'statement.webm' },
    report: { digest: digest('d'), mediaType: 'application/pdf', size: 2_048, name: 'report.pdf' },
  },
};
