/**
 * Image preprocessing for ResNet50, tensors in and out (pure tfjs, Node and browser).
 *
 * Resize convention: bilinear with half-pixel centres (alignCorners=false,
 * halfPixelCenters=true), the mapping PIL's BILINEAR and TF2's `tf.image.resize` use, so a
 * pixel's centre maps to a pixel's centre and the image does not drift up-left by half an
 * output pixel as it does with tfjs's legacy default. PIL also widens its filter when it
 * shrinks; plain bilinear reads only four pixels per output pixel and aliases on big
 * downscales, so for shrink factors of 2 or more we resize to an exact multiple of the
 * target and box-average (an area filter), which keeps every source pixel in play.
 */
import * as tf from '@tensorflow/tfjs';
import { CAFFE_MEAN_BGR, CAFFE_PREPROCESSING, SEEDED_PREPROCESSING, type MeanBgr, type Preprocessing } from './preprocessing';

export { CAFFE_MEAN_BGR } from './preprocessing';

/** The ImageNet preset's input side. */
const INPUT_SIZE = 224;

/**
 * RGBA bytes to RGB floats in 0..255, transparent areas composited on white (what a person
 * sees on a page, and what a photo editor flattens to).
 */
export function rgbaToRgbOnWhite(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number): Float32Array {
  const count = width * height;
  if (pixels.length !== count * 4) {
    throw new Error(`Expected ${count * 4} RGBA bytes for ${width} x ${height}, got ${pixels.length}`);
  }
  const rgb = new Float32Array(count * 3);
  for (let i = 0; i < count; i += 1) {
    const alpha = pixels[i * 4 + 3] / 255;
    const white = 255 * (1 - alpha);
    rgb[i * 3] = pixels[i * 4] * alpha + white;
    rgb[i * 3 + 1] = pixels[i * 4 + 1] * alpha + white;
    rgb[i * 3 + 2] = pixels[i * 4 + 2] * alpha + white;
  }
  return rgb;
}

/**
 * Resizes an H x W x 3 image to size x size (aspect ratio not kept, as Keras's
 * `load_img(target_size=...)` does). An image already size x size comes back as it is.
 * Call inside tf.tidy.
 */
function resizeSquare(rgb: tf.Tensor3D, size: number): tf.Tensor3D {
  const [height, width] = rgb.shape;
  const image = rgb.toFloat();
  if (height === size && width === size) return image;
  const factorY = Math.max(1, Math.floor(height / size));
  const factorX = Math.max(1, Math.floor(width / size));
  const exact = tf.image.resizeBilinear(image, [size * factorY, size * factorX], false, true);
  if (factorY === 1 && factorX === 1) return exact;
  const pooled = tf.avgPool(exact, [factorY, factorX], [factorY, factorX], 'valid');
  return pooled;
}

function rgbTensor(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number): tf.Tensor3D {
  return tf.tensor3d(rgbaToRgbOnWhite(pixels, width, height), [height, width, 3], 'float32');
}

/**
 * Keras "caffe" preprocessing: resize to size x size, RGB -> BGR, subtract
 * the mean (CAFFE_MEAN_BGR unless the weights say otherwise), no scaling, batch dimension
 * added. `rgb` holds 0..255 values. The caller disposes the result; `rgb` is left alone.
 */
export function preprocessCaffe(rgb: tf.Tensor3D, size = INPUT_SIZE, meanBgr: MeanBgr = CAFFE_MEAN_BGR): tf.Tensor4D {
  return tf.tidy(() => caffeOf(resizeSquare(rgb, size), meanBgr));
}

/** Caffe mode on an image already size x size. Call inside tf.tidy. */
function caffeOf(resized: tf.Tensor3D, meanBgr: MeanBgr): tf.Tensor4D {
  // RGB -> BGR and the mean subtraction as one pixels x 3 by 3 x 3 product with a bias:
  // exact (a permutation: each output is one input times 1 plus zeros), and one fast
  // kernel where tf.reverse on the channel axis alone took ~9 ms on WASM.
  const swapped = tf.fused.matMul({ a: resized.reshape([-1, 3]), b: rgbToBgr(), bias: tf.tensor1d(meanBgr.map((m) => -m)) });
  return swapped.reshape([1, ...resized.shape]) as tf.Tensor4D;
}

/** The 3 x 3 permutation that turns an RGB row into BGR. */
function rgbToBgr(): tf.Tensor2D {
  return tf.tensor2d([0, 0, 1, 0, 1, 0, 1, 0, 0], [3, 3]);
}

/** RGBA pixels to the ImageNet model's input (caffe mode). The caller disposes the result. */
export function pixelsToInput(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  size = INPUT_SIZE,
): tf.Tensor4D {
  return preprocess(pixels, width, height, CAFFE_PREPROCESSING, size);
}

/**
 * RGBA pixels to the assignment's input for the seeded SIGNS model: resized the same way,
 * RGB kept, scaled to 0..1 (x / 255). The caller disposes the result.
 */
export function pixelsToUnitInput(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  size = INPUT_SIZE,
): tf.Tensor4D {
  return preprocess(pixels, width, height, SEEDED_PREPROCESSING, size);
}

/**
 * RGBA pixels resized to size x size, alpha on white, RGB floats in 0..255: what both the
 * model's input and the network's view are made from, so an image is resized once. The
 * caller disposes the result.
 */
export function resizeImage(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, size = INPUT_SIZE): tf.Tensor3D {
  return tf.tidy(() => resizeSquare(rgbTensor(pixels, width, height), size));
}

/**
 * An image already resized (`resizeImage`) to the model's input, preprocessed as its weights
 * expect (the descriptor's `preprocessing`): caffe mode for the Keras ImageNet weights,
 * x / 255 for the seeded model. `resized` is left alone; the caller disposes the result.
 */
export function preprocessResized(resized: tf.Tensor3D, preprocessing: Preprocessing): tf.Tensor4D {
  return tf.tidy(() => {
    if (preprocessing.mode === 'unit') return resized.div(255).expandDims(0) as tf.Tensor4D;
    if (preprocessing.mode === 'torch') {
      return resized.div(255).sub(tf.tensor1d([...preprocessing.mean])).div(tf.tensor1d([...preprocessing.std])).expandDims(0) as tf.Tensor4D;
    }
    return caffeOf(resized, preprocessing.meanBgr);
  });
}

/** RGBA pixels to the model's input: `resizeImage`, then `preprocessResized`. The caller disposes the result. */
export function preprocess(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  preprocessing: Preprocessing,
  size = INPUT_SIZE,
): tf.Tensor4D {
  return tf.tidy(() => preprocessResized(resizeImage(pixels, width, height, size), preprocessing));
}

/**
 * The image as the network sees it, before mean subtraction, from `resizeImage`'s output:
 * rounded to bytes, as RGBA (alpha 255) ready for `new ImageData(...)`. Plain data out;
 * `resized` is left alone.
 */
export async function previewBytes(resized: tf.Tensor3D): Promise<Uint8ClampedArray> {
  const [height, width] = resized.shape;
  const rgb = await resized.data();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    // Uint8ClampedArray rounds and clamps on assignment.
    rgba[i * 4] = rgb[i * 3];
    rgba[i * 4 + 1] = rgb[i * 3 + 1];
    rgba[i * 4 + 2] = rgb[i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** `previewBytes` of RGBA pixels resized to size x size; no tensor is left. */
export async function resizedPreview(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  size = INPUT_SIZE,
): Promise<Uint8ClampedArray> {
  const resized = resizeImage(pixels, width, height, size);
  try {
    return await previewBytes(resized);
  } finally {
    resized.dispose();
  }
}
