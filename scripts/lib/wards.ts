import { DataError } from './errors.ts';

export const BIRMINGHAM_CODE = 'E08000025';
export const BIRMINGHAM_NAME = 'Birmingham';
export const ENGLAND_CODE = 'E92000001';
export const ENGLAND_NAME = 'England';

/** Birmingham's 69 wards have kept the codes E05011118–E05011186 in every vintage from 2018 to 2025. */
export const BIRMINGHAM_WARD_CODES: readonly string[] = Array.from({ length: 69 }, (_, i) => `E05${String(11118 + i).padStart(6, "0")}`);

const wardCodeSet = new Set(BIRMINGHAM_WARD_CODES);
export const isBirminghamWard = (code: string): boolean => wardCodeSet.has(code);

/** Fails unless the codes are exactly the 69 Birmingham wards, each once. */
export function assertExactlyBirminghamWards(codes: string[], file: string): void {
	const seen = new Set<string>();
	codes.forEach((code, i) => {
		if (seen.has(code)) throw new DataError(file, `duplicate ward ${code}`, i + 1);
		if (!wardCodeSet.has(code)) throw new DataError(file, `${code} is not a Birmingham ward code`, i + 1);
		seen.add(code);
	});
	const missing = BIRMINGHAM_WARD_CODES.filter((c) => !seen.has(c));
	if (missing.length) throw new DataError(file, `expected all 69 Birmingham wards; missing ${missing.join(', ')}`);
}

/** URL slug from a ward name: "Bordesley & Highgate" → "bordesley-and-highgate". */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
