/** Starts the parsing worker for one file and reports its progress. The worker is ended when it answers. */
import type { RawTable } from './table-analysis.ts';
import type { WorkerReply } from './parse-worker.ts';

export interface ParseJob {
	result: Promise<RawTable>;
	cancel(): void;
}

export function parseInWorker(file: File, onProgress: (fraction: number, stage: 'reading' | 'parsing') => void): ParseJob {
	const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
	let rejectResult: (error: Error) => void = () => {};
	const result = new Promise<RawTable>((resolve, reject) => {
		rejectResult = reject;
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const message = event.data;
			if (message.type === 'progress') return onProgress(message.fraction, message.stage);
			worker.terminate();
			if (message.type === 'done') resolve(message.table);
			else reject(new Error(message.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`The file reader stopped unexpectedly (${event.message || 'unknown error'}).`));
		};
	});
	worker.postMessage({ file });
	return {
		result,
		cancel() {
			worker.terminate();
			rejectResult(new Error('Reading the file was cancelled.'));
		}
	};
}
