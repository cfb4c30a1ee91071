import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef, MediaQuestion } from '@tern/forms';
import { AttachmentTooLargeError } from '../device/attachments.ts';
import type { FieldHandle } from './answer-store.ts';
import { fitImage, renamedFor } from './fit-image.ts';
import { useFormContext } from './form-context.ts';

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
  const preview = usePreview(ref);
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
      {ref && preview && node.accept === 'image' ? (
        <img className="media-preview" src={preview} alt={t('media.preview', { name: ref.name })} />
      ) : null}
      {ref ? (
        <p className="media-file" data-digest={ref.digest}>
          {t('media.attached', { name: ref.name, size: Math.max(1, Math.round(ref.size / 1024)) })}
        </p>
      ) : null}
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

/** An object URL for an attached image, read from the device's sealed store; revoked when it changes. */
function usePreview(ref: AttachmentRef | null): string | null {
  const { attachments } = useFormContext();
  const [url, setUrl] = useState<string | null>(null);
  const digest = ref?.mediaType.startsWith('image/') ? ref.digest : null;
  const mediaType = ref?.mediaType;
  useEffect(() => {
    if (!digest || !attachments) return setUrl(null);
    let made: string | null = null;
    let live = true;
    void attachments.bytes(digest).then((bytes) => {
      if (!live || !bytes) return;
      made = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [digest, mediaType, attachments]);
  return url;
}
