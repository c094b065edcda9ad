import { loadGold } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';
import { freshSetTests } from './support/quote-sets.js';

/** held4 (fresh14): fresh Wikinews articles from AMALGUM's extra news folder, annotated before Chronicle ran on them. */
freshSetTests({ split: 'held4', prefix: 'h4', halves: { A: 10, B: 11 } }, loadGold(), inScope);
