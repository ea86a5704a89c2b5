/**
 * Every UI string in Chinese (the default language), one module per area under zh/. Keys are flat and
 * dotted so a missing English entry is a type error (each en/ module is typed against its zh/ twin, and
 * `en` against the whole). `{name}` marks a parameter. Data (firm, segment and product names, the
 * engine's one-line reasons) stays as the API sends it. Adding an area: one import and one spread below.
 */
import { common } from './zh/common.ts';
import { app } from './zh/app.ts';
import { chain } from './zh/chain.ts';
import { segment } from './zh/segment.ts';
import { pairing } from './zh/pairing.ts';
import { resources } from './zh/resources.ts';
import { matches } from './zh/matches.ts';
import { review } from './zh/review.ts';
import { explore } from './zh/explore.ts';
import { overview } from './zh/overview.ts';
import { session } from './zh/session.ts';
import { graphWords } from './zh/graphWords.ts';

export const zh = {
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
} as const;

export type MessageKey = keyof typeof zh;
