/**
 * Flesch–Kincaid grade level, for testing that texts read at about age 12 (US grade 7, UK Year 8).
 * Reading age ≈ grade + 5. Syllables are counted by vowel groups, the usual approximation.
 */
export function syllables(word: string): number {
	const w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (!w) return 1; // a number or symbol reads as about one syllable per token
	if (w.length <= 3) return 1;
	const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
	return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export function fleschKincaidGrade(text: string): number {
	const sentences = text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim()).length || 1;
	const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
	const syllableCount = words.reduce((n, w) => n + syllables(w), 0);
	return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
}
