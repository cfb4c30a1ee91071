import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef, MediaQuestion } from '@tern/forms';
import { AttachmentTooLargeError } from '../device/attachments.ts';
import type { FieldHandle } from './answer-store.ts';
import { fitImage, renamedFor } from './fit-image.ts';
import { useFormContext } from './form-context.ts';
import { MediaView } from './MediaView.tsx';

const ACCEPT: Record<MediaQuestion['accept'], string | undefined> = {
  image: 'image/*',
  audio: 'audio/*',
  video: 'video/*',
  file: undefined,
};

const isRef = (v: unknown): v is AttachmentRef =>
  typeof v === 'object' && v !== null && typeof (v as AttachmentRef).digest === 'string';

const megabytes = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

/**
 * A media question: a large "take / choose" button over `<input type=file>`, the photo shown (or the
 * file's name and size), Replace and Remove. Images are shrunk to the form's `max-pixels` before they
 * are stored; the bytes are sealed on the device (DeviceAttachments) and the answer names them.
 */
export function MediaField(props: {
  node: MediaQuestion;
  handle: FieldHandle;
  id: string;
  value: unknown;
  describedBy: string | undefined;
  invalid: true | undefined;
  readOnly: boolean;
}) {
  const { node, handle: h, id, value } = props;
  const { attachments } = useFormContext();
  const { t } = useTranslation('form');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ref = isRef(value) ? value : null;
  const appearance = new Set((node.appearance ?? '').split(/\s+/));
  const capture =
    appearance.has('selfie') || appearance.has('new-front')
      ? 'user'
      : appearance.has('new')
        ? 'environment'
        : undefined;

  const take = async (file: File) => {
    setProblem('');
    if (!attachments) return setProblem(t('media.unavailable'));
    const want = ACCEPT[node.accept];
    if (want && !file.type.startsWith(want.slice(0, -1)))
      return setProblem(t(`media.wrongType.${node.accept}`));
    setBusy(true);
    try {
      const fitted =
        node.accept === 'image' ? await fitImage(file, node.maxPixels) : { blob: file, resized: false };
      const type = fitted.blob.type || file.type;
      const name = fitted.resized ? renamedFor(file.name, type) : file.name;
      const bytes = new Uint8Array(await fitted.blob.arrayBuffer());
      h.set(await attachments.put(bytes, type, name), true);
    } catch (e) {
      setProblem(
        e instanceof AttachmentTooLargeError
          ? t('media.tooLarge', { size: megabytes(e.size), limit: megabytes(e.limit) })
          : t('media.failed'),
      );
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const problemId = problem ? `${id}-media-problem` : undefined;
  const describedBy = [props.describedBy, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="media-field">
      {ref ? <MediaView value={ref} id={id} /> : null}
      {/* The native control is kept for the file chooser and tests; people use the large button. */}
      <input
        ref={input}
        id={id}
        className="media-input"
        type="file"
        tabIndex={-1}
        aria-hidden="true"
        accept={ACCEPT[node.accept]}
        capture={capture}
        disabled={props.readOnly || busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void take(file);
        }}
      />
      <button
        type="button"
        className="media-button"
        disabled={props.readOnly || busy}
        aria-invalid={props.invalid}
        aria-describedby={describedBy}
        onClick={() => input.current?.click()}
      >
        {busy ? t('media.working') : ref ? t('media.replace') : t(`media.take.${node.accept}`)}
      </button>
      {ref && !props.readOnly ? (
        <button type="button" className="media-remove" onClick={() => h.set(undefined, true)}>
          {t('media.remove')}
        </button>
      ) : null}
      {problem ? (
        <p id={problemId} className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
