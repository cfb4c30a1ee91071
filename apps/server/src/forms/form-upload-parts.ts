import type { FastifyRequest } from 'fastify';
import { XLSFORM_FILE_LIMITS, XLSFORM_LIMITS } from '@tern/forms/xlsform';
import { TernError } from '../errors.ts';

export interface FormUpload {
  workbook: Uint8Array;
  /** The form's attached files (select_one_from_file CSVs) by file name. */
  files: Map<string, Uint8Array>;
}

/** Every part of one upload together: the workbook plus the largest number of files at their limit. */
const MAX_TOTAL = XLSFORM_LIMITS.maxBytes + 4 * XLSFORM_FILE_LIMITS.maxBytes;
const FILE_NAME = /^[^/\\\0]{1,200}$/;

/**
 * An XLSForm with its attached files, as `multipart/form-data` (decision 140): one part `form` (the
 * workbook) and any number of parts `files`, each named by its file name as the survey names it.
 * Sizes are counted as the parts arrive, so an upload over the limits is refused before it is held.
 */
export async function readFormUpload(req: FastifyRequest): Promise<FormUpload> {
  let workbook: Uint8Array | null = null;
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const parts = req.parts({
    limits: {
      fileSize: XLSFORM_LIMITS.maxBytes,
      files: XLSFORM_FILE_LIMITS.maxFiles + 1,
      fields: 0,
      parts: XLSFORM_FILE_LIMITS.maxFiles + 1,
    },
  });
  try {
    for await (const part of parts) {
      if (part.type !== 'file')
        throw new TernError('TERN_BAD_REQUEST', `The upload has a field ${part.fieldname}; send only files`);
      const bytes = new Uint8Array(await part.toBuffer());
      total += bytes.byteLength;
      if (total > MAX_TOTAL)
        throw new TernError(
          'TERN_PAYLOAD_TOO_LARGE',
          `The form and its files are more than ${MAX_TOTAL / 1024 / 1024} MB together`,
        );
      if (part.fieldname === 'form') {
        if (workbook)
          throw new TernError('TERN_BAD_REQUEST', 'The upload has two parts named form; send one XLSForm');
        workbook = bytes;
      } else if (part.fieldname === 'files') {
        const name = part.filename.trim();
        if (!FILE_NAME.test(name))
          throw new TernError(
            'TERN_BAD_REQUEST',
            `A form file needs a plain file name, not ${JSON.stringify(name)}`,
          );
        if (files.has(name)) throw new TernError('TERN_BAD_REQUEST', `The file ${name} is sent twice`);
        files.set(name, bytes);
      } else
        throw new TernError(
          'TERN_BAD_REQUEST',
          `The upload has a part named ${JSON.stringify(part.fieldname)}; name the XLSForm "form" and its files "files"`,
        );
    }
  } catch (e) {
    if (e instanceof TernError) throw e;
    const err = e as { code?: string; message: string };
    if (err.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new TernError(
        'TERN_PAYLOAD_TOO_LARGE',
        `A file of the upload is over ${XLSFORM_LIMITS.maxBytes / 1024 / 1024} MB`,
      );
    if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT')
      throw new TernError(
        'TERN_BAD_REQUEST',
        `A form comes with at most ${XLSFORM_FILE_LIMITS.maxFiles} files`,
      );
    if (err.code === 'FST_FIELDS_LIMIT')
      throw new TernError('TERN_BAD_REQUEST', 'The upload has a text field; send only files');
    throw new TernError(
      'TERN_BAD_REQUEST',
      `The upload could not be read as multipart/form-data (${err.message})`,
    );
  }
  if (!workbook) throw new TernError('TERN_BAD_REQUEST', 'The upload has no part named form (the XLSForm)');
  return { workbook, files };
}
