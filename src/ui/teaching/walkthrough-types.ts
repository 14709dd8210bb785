/** The walkthrough's data types, apart from the code that makes the steps (no cycles). */

export type Chapter = 'identity-block' | 'convolutional-block' | 'resnet50';

export interface WalkthroughStep {
  readonly id: string;
  readonly chapter: Chapter;
  readonly title: string;
  /** Plain words for a student meeting ResNets for the first time. */
  readonly body: string;
  /** Layer, block (res3a) and stage (stage 3) names the step describes, for highlighting. */
  readonly layers: readonly string[];
  /** Where this model departs from the assignment text, and why. */
  readonly note?: string;
}

export interface ChapterInfo {
  /** Its title is the catalogue's `chapter.<id>`. */
  readonly id: Chapter;
  /** Which block the chapter's steps point at in the graph. */
  readonly example: string | null;
}
