import type { Sample } from '../ui/view-data';
import type { Translate } from '../ui/i18n/i18n';

/** Bundled sample photos (scikit-image sample data, CC0), served from public/samples/, labelled in the page's language. */
export function samples(t: Translate): readonly Sample[] {
  return [
    { name: 'chelsea.png', url: `${import.meta.env.BASE_URL}samples/chelsea.png`, label: t('sample.chelsea') },
    { name: 'coffee.png', url: `${import.meta.env.BASE_URL}samples/coffee.png`, label: t('sample.coffee') },
  ];
}
