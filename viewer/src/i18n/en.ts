import type { MessageKey } from './zh.ts';
import { common } from './en/common.ts';
import { app } from './en/app.ts';
import { chain } from './en/chain.ts';
import { segment } from './en/segment.ts';
import { pairing } from './en/pairing.ts';
import { resources } from './en/resources.ts';
import { matches } from './en/matches.ts';
import { review } from './en/review.ts';
import { explore } from './en/explore.ts';
import { overview } from './en/overview.ts';
import { session } from './en/session.ts';
import { graphWords } from './en/graphWords.ts';

/** Every UI string in English, one module per area under en/; typed against the Chinese keys so none can be missing. */
export const en: Record<MessageKey, string> = {
  ...common,
  ...app,
  ...chain,
  ...segment,
  ...pairing,
  ...resources,
  ...matches,
  ...review,
  ...explore,
  ...overview,
  ...session,
  ...graphWords,
};
