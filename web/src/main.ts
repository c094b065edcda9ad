/**
 * Chronicle web app: hash routes over the REST API.
 *   #/                 home: people, organisations, latest articles
 *   #/search?q=…       entities, articles and quotes
 *   #/entity/ID        case file: status, conflicts, timeline, relations, quotes, identity
 *   #/docs?offset=N    every article, newest first
 *   #/doc/ID?at=S-E    article reader with highlights (S-E: a span to bring into view)
 */
import { ApiError } from './api.js';
import { clear, h } from './dom.js';
import { hideTip } from './tooltip.js';
import { entityView } from './views/entity.js';
import { documentsView, homeView, searchView } from './views/home.js';
import { readerView } from './views/reader.js';

const main = document.getElementById('main')!;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-input') as HTMLInputElement;

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});

let generation = 0;

async function route(): Promise<void> {
  hideTip();
  const mine = ++generation;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  main.setAttribute('aria-busy', 'true');
  let view: HTMLElement;
  try {
    if (parts[0] === 'search' && params.get('q')) {
      input.value = params.get('q')!;
      view = await searchView(params.get('q')!);
      document.title = `${params.get('q')} — Chronicle`;
    } else if (parts[0] === 'entity' && /^\d+$/.test(parts[1] ?? '')) {
      view = await entityView(Number(parts[1]), () => void route());
      document.title = `${view.querySelector('h1')?.firstChild?.textContent ?? 'Entity'} — Chronicle`;
    } else if (parts[0] === 'docs') {
      view = await documentsView(Math.max(0, Number(params.get('offset') ?? 0) || 0));
      document.title = 'Articles — Chronicle';
    } else if (parts[0] === 'doc' && /^\d+$/.test(parts[1] ?? '')) {
      view = await readerView(Number(parts[1]), params);
      document.title = `${view.querySelector('h1')?.textContent ?? 'Article'} — Chronicle`;
    } else {
      view = await homeView();
      document.title = 'Chronicle';
    }
  } catch (err) {
    const text = err instanceof ApiError && err.status === 404 ? 'Not found: it may have been merged into another entity.' : `Could not load this page: ${(err as Error).message}`;
    view = h('div', { class: 'error', role: 'alert' }, h('p', {}, text), h('a', { href: '#/' }, 'Back to the start'));
  }
  if (mine !== generation) return;
  clear(main);
  main.append(view);
  main.removeAttribute('aria-busy');
  if (!/[?&]at=/.test(location.hash)) window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => void route());
void route();
