/**
 * The record changed on the device (a sync, another tab) after the revision an edit was made on: the
 * edit is refused and the stored row left as it is, so nothing is overwritten silently.
 */
export class RecordChangedError extends Error {
  constructor(readonly id: string) {
    super(`Record ${id} changed while it was being edited; open it again`);
    this.name = 'RecordChangedError';
  }
}
