/** The dialog requests a window may send over IPC, checked before a dialog opens. */
import { z } from 'zod';

export const dialogRequest = z.strictObject({
  kind: z.enum(['open', 'save', 'sheet', 'folder']),
  options: z.strictObject({ defaultName: z.string().max(200).optional() }).optional(),
});
