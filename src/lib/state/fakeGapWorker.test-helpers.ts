import type { GapReply, GapRequest } from '$lib/data/gapService';
import type { GapWorkerLike } from './gapClient.svelte';

/** A worker that records what it is sent and answers when told to. */
export class FakeWorker implements GapWorkerLike {
	onmessage: ((event: MessageEvent<GapReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	sent: GapRequest[] = [];
	terminated = false;
	postMessage(message: GapRequest) {
		// Like a real worker, the message is a copy.
		this.sent.push(structuredClone(message));
	}
	terminate() {
		this.terminated = true;
	}
	reply(reply: GapReply) {
		this.onmessage?.({ data: reply } as MessageEvent<GapReply>);
	}
	crash(message: string) {
		this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
	}
	get asked() {
		return this.sent.filter((m): m is Extract<GapRequest, { id: number }> => m.kind !== 'city');
	}
}
