import { indicatorById } from '@tern/demography';

/** An indicator's name from the registry (English for now, as in the report), else its id. */
export const indicatorName = (id: string): string => indicatorById(id)?.name ?? id;
