/*
 * The Förderlücken analysis off the main thread (see gapService.ts for what it answers).
 * Maps and typed arrays survive structured cloning; raster pixels are transferred, not copied.
 */
import { createGapService, type GapRequest } from './gapService';

const service = createGapService();

self.onmessage = (event: MessageEvent<GapRequest>) => {
	const out = service.handle(event.data);
	if (out) self.postMessage(out.reply, { transfer: out.transfer });
};
