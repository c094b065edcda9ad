import { loadGold } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';
import { freshSetTests } from './support/quote-sets.js';

/**
 * held5 (fresh15): the next Wikinews articles of AMALGUM's extra news folder in held4's order, annotated before Chronicle ran
 * on them, unseen whole. Nothing here runs the extractor on them: the lead runs `eval:quotes -- --held5` once, before and after.
 */
freshSetTests({ split: 'held5', prefix: 'h5', halves: null, selector: 'eval/data/quotes/tools/held5.mjs' }, loadGold(), inScope);
