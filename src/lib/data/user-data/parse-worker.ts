/// <reference lib="webworker" />
/**
 * Reads and parses an uploaded file off the main thread, so a large or broken file never freezes the page.
 * Messages out: progress (0–1), then either the parsed records or a plain-English error.
 */
import { checkSize, readUpload, UploadError } from './file-reading.ts';
import type { RawTable } from './table-analysis.ts';

export type WorkerReply = { type: 'progress'; fraction: number; stage: 'reading' | 'parsing' } | { type: 'done'; table: RawTable } | { type: 'error'; message: string };

const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

async function readBytes(file: File): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let offset = 0;
	let lastReport = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, offset);
		offset += value.byteLength;
		if (offset - lastReport > 512 * 1024) {
			lastReport = offset;
			reply({ type: 'progress', fraction: offset / Math.max(1, file.size), stage: 'reading' });
		}
	}
	return bytes.subarray(0, offset);
}

self.onmessage = async (event: MessageEvent<{ file: File }>) => {
	const { file } = event.data;
	try {
		checkSize(file.size);
		const bytes = await readBytes(file);
		const table = readUpload(bytes, file.name, (fraction) => reply({ type: 'progress', fraction, stage: 'parsing' }));
		reply({ type: 'done', table });
	} catch (error) {
		const message =
			error instanceof UploadError
				? error.message
				: `The file could not be read (${error instanceof Error ? error.message : String(error)}). Try saving it again as CSV UTF-8.`;
		reply({ type: 'error', message });
	}
};
