/** Saving what the page shows: a Blob handed to the browser as a download. */

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download by now; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(text: string, name: string, type: string): void {
  download(new Blob([text], { type: `${type};charset=utf-8` }), name);
}

/** A canvas as a PNG file. */
export function downloadCanvas(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => { if (blob) download(blob, name); }, 'image/png');
}
