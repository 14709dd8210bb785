// A preset whose weights do not load opens as architecture only, and says why twice: in
// English (`failure`, for the command line) and as data (`failureWhy`, for the page).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFetchSource } from '../model/weights/source';
import { openModel } from './open-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const answer = (status: number, statusText: string) =>
  (async () => new Response('no', { status, statusText })) as unknown as typeof fetch;
const offline = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;

async function opened(fetchImpl: typeof fetch) {
  const result = await openModel({ preset: 'imagenet', seedLiteral: false, weightsUrl: 'http://weights.test/m/' },
    (signal) => createFetchSource('http://weights.test/m/', fetchImpl, signal), {});
  result.session.dispose();
  return result;
}

describe('openModel when the weights do not load', () => {
  it('a server answering 503: the file and the status as data, the English whole', async () => {
    const { failure, failureWhy, session } = await opened(answer(503, 'Service Unavailable'));
    expect(session.trained).toBe(false);
    expect(failureWhy).toEqual({
      kind: 'fetch-failed', file: 'model.json', tensor: null, status: 503,
      detail: 'Could not download model.json: http://weights.test/m/model.json answered 503 Service Unavailable.',
    });
    expect(failure).toBe(`The model could not be loaded: ${failureWhy?.detail} Run \`npm run weights\` to fetch them again. `
      + 'The architecture is still shown (built without its weights); classification is off until the weights load.');
  });

  it('a missing file and a network that failed', async () => {
    expect((await opened(answer(404, 'Not Found'))).failureWhy).toMatchObject({ kind: 'missing-file', file: 'model.json', status: null });
    expect((await opened(offline)).failureWhy).toMatchObject({ kind: 'fetch-failed', file: 'model.json', status: null });
  });
});
