/** A fresh item id (paragraph, comment, table, gap plan): unique across devices, within ITEM_ID. */
export const newItemId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
