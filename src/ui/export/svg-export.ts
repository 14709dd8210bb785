/**
 * The graph as a file: a copy of the live SVG as it is drawn (what is open, tinted,
 * selected and switched off), with the styles the page's CSS gives it written onto each
 * element, so the file looks the same anywhere (a slide, a browser, Inkscape). The view's
 * pan and zoom are left out: the file frames the whole drawing.
 */

/** What CSS sets on the graph's shapes and text; copied as computed values. */
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'visibility', 'display', 'paint-order', 'letter-spacing',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = 16;

export interface SvgFile {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

function inlineStyles(live: Element, copy: Element): void {
  const from = [live, ...live.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const computed = getComputedStyle(el);
    const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    // Interaction belongs to the page; the file is a picture.
    for (const attr of ['tabindex', 'class', 'aria-describedby']) target.removeAttribute(attr);
  });
}

/**
 * A standalone SVG of the drawing inside `svg`'s first transformed group (the zoomed
 * content), framed to its bounds. Hidden elements stay hidden (display none is copied).
 */
export function graphSvgFile(svg: SVGSVGElement, title: string): SvgFile {
  const content = svg.querySelector<SVGGElement>(':scope > g[transform]');
  if (!content) throw new Error('the graph has not been drawn yet');
  const box = content.getBBox();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.querySelector(':scope > g[transform]')?.removeAttribute('transform');
  const width = Math.ceil(box.width + 2 * MARGIN);
  const height = Math.ceil(box.height + 2 * MARGIN);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `${box.x - MARGIN} ${box.y - MARGIN} ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [['x', box.x - MARGIN], ['y', box.y - MARGIN], ['width', width], ['height', height]] as const) background.setAttribute(k, String(v));
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  copy.prepend(heading, background);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** The SVG drawn onto a canvas `scale` times its size (2: sharp on slides), as a PNG Blob. */
export function svgToPng(file: SvgFile, scale: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([file.text], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      const canvas = document.createElement('canvas');
      canvas.width = file.width * scale;
      canvas.height = file.height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) { reject(new Error('this browser gave no 2D canvas to draw the PNG on')); return; }
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    };
    image.onerror = () => { URL.revokeObjectURL(url); reject(new Error('the graph picture could not be drawn as a PNG')); };
    image.src = url;
  });
}
