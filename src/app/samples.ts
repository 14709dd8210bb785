import type { Sample } from '../ui/view-data';

/** Bundled sample photos (scikit-image sample data, CC0), served from public/samples/. */
export const SAMPLES: readonly Sample[] = [
  { name: 'chelsea.png', url: `${import.meta.env.BASE_URL}samples/chelsea.png`, label: 'Chelsea the cat' },
  { name: 'coffee.png', url: `${import.meta.env.BASE_URL}samples/coffee.png`, label: 'A cup of coffee' },
];
