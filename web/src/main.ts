/**
 * Chronicle web app: hash routes over the REST API.
 *   #/                 home: people, organisations, latest articles
 *   #/search?q=…[&country=CC]   entities, articles and quotes (in one country)
 *   #/entity/ID[?country=CC]    case file: status, conflicts, timeline (of one country's events), relations, quotes, identity
 *   #/entity/ID/map[?country=CC]  the entity's events on a world map, coloured by PLOVER type
 *   #/docs?offset=N    every article, newest first
 *   #/doc/ID?at=S-E    article reader with highlights (S-E: a span to bring into view)
 */
import { ApiError } from './api.js';
import { clear, h } from './dom.js';
import { hideTip } from './tooltip.js';
import { entityView } from './views/entity.js';
import { documentsView, homeView, searchView } from './views/home.js';
import { readerView } from './views/reader.js';
import { mapView } from './views/map.js';

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
    const country = /^[A-Z]{2}$/.test(params.get('country') ?? '') ? params.get('country')! : undefined;
    if (parts[0] === 'search' && params.get('q')) {
      input.value = params.get('q')!;
      view = await searchView(params.get('q')!, country);
      document.title = `${params.get('q')} — Chronicle`;
    } else if (parts[0] === 'entity' && /^\d+$/.test(parts[1] ?? '') && parts[2] === 'map') {
      view = await mapView(Number(parts[1]), country);
      document.title = `Map: ${view.querySelector('h1')?.firstChild?.textContent ?? 'Entity'} — Chronicle`;
    } else if (parts[0] === 'entity' && /^\d+$/.test(parts[1] ?? '')) {
      view = await entityView(Number(parts[1]), () => void route(), country);
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
