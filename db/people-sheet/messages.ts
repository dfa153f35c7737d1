/** Sheet problems and columns in words, from the message catalogue. */
import { messages, sheetProblemText, type Lang } from '../../core/messages/index.ts';
import type { PeopleField } from './types.ts';

export const fieldLabel = (field: PeopleField, lang: Lang): string =>
  messages(lang).sheetField[field];

export const problemText = sheetProblemText;
