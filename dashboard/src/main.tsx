import { render } from 'preact';
import { App } from './app';
import './styles.css';

const root = document.getElementById('app')!;
// The page's "Loading…" line is for the seconds before this script runs; the app replaces it.
root.replaceChildren();
render(<App />, root);
