/** What `--help` shows under "examples": one or two real invocations per command. */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  summary: ['summary --preset signs', 'summary --model ResNet50.h5 --json'],
  classify: ['classify public/samples/chelsea.png --top 3', 'classify photos/*.jpg --json > top5.json'],
  inspect: ['inspect public/samples/coffee.png --layer res2a_branch2a', 'inspect cat.webp --layer res5c_relu --npy res5c.npy'],
  predict: ['predict --model ResNet50.keras --input batch.npy --npy out.npy --json'],
  'receptive-field': ['receptive-field res3d_relu', 'receptive-field --preset signs --json'],
  attribute: [
    'attribute public/samples/chelsea.png --method gradcam --png cam.png',
    'attribute public/samples/coffee.png --method ig --steps 64 --baseline blur --json',
    'attribute public/samples/chelsea.png --unit res2c_relu:28:28',
  ],
  evaluate: ['evaluate photos/ --labels labels.csv --json', 'evaluate photos/ --lesion res3a,res4b --threads 2', 'evaluate hands/ --model ResNet50.h5 --batch 16'],
  lesion: ['lesion photos/ --limit 50 --json'],
  compare: ['compare public/samples/chelsea.png public/samples/coffee.png --json', 'compare cat.png cat.png --lesion res4a'],
};

/** "examples:" and the lines, each as typed after `npm run -s cli -- `. */
export function examplesText(names: readonly string[]): string {
  const lines = names.flatMap((name) => (EXAMPLES[name] ?? []).map((e) => `    npm run -s cli -- ${e}`));
  return lines.length > 0 ? `\n\nexamples:\n${lines.join('\n')}` : '';
}
