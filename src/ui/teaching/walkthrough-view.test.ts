import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { planSummary, presetConfig } from '../../model/pure';
import { Walkthrough } from './Walkthrough';
import { walkthroughSteps } from './walkthrough-steps';

const steps = walkthroughSteps(planSummary(presetConfig('imagenet')));
const render = (activeStepId: string | null) =>
  renderToStaticMarkup(createElement(Walkthrough, { steps, activeStepId, onStep: () => undefined }));

describe('Walkthrough', () => {
  it('renders a named nav with three chapters and one pressed-state button per step', () => {
    const html = render(null);
    expect(html).toContain('<nav class="walkthrough" aria-label="Walkthrough">');
    expect(html.match(/<h3 /g)).toHaveLength(3);
    expect(html.match(/<ol /g)).toHaveLength(3);
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(steps.length);
    expect(html).not.toContain('walkthrough-detail');
  });

  it('opens only the active step, with its body, its note as a callout and its layers', () => {
    const stage5 = steps.find((s) => s.id === 'stage-5');
    const html = render('stage-5');
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(html.match(/class="walkthrough-detail"/g)).toHaveLength(1);
    expect(html).toContain('role="note"');
    expect(html).toContain('[512, 512, 2048]');
    expect(html).toContain('<code>res5c</code>');
    expect(stage5 && html.includes(stage5.title)).toBe(true);
  });

  it('keeps the step number out of the button name', () => {
    expect(render(null)).toMatch(/<span class="walkthrough-num" aria-hidden="true">1<\/span><span>Main path 1/);
  });
});
