"""The learned stage's features: words, word pairs, word pieces, and the next sentence's start.

Training and run time share this module, so a model always reads text the way it was
trained to. Every feature is a string; the model maps the ones it knows to weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Bumped whenever what the features read changes, so a model's version says which it used.
FEATURE_VERSION = 5
# Word pieces (character n-grams of "<word>") make a typo ("manipulitive") look like the word.
PIECE_SIZES = (3, 4, 5)
# How many words of the following sentence are read: enough for "I challenged this".
NEXT_WORDS = 3
# Words that say who, not what: alone they must not make a sentence blaming ("Mum keeps a
# diary" is not parent blame because it starts with "Mum"). They still count in word pairs
# ("mum failed", "she chooses"), which is where who-does-what shows.
PEOPLE = frozenset(
    [
        "mum", "mom", "mother", "mothers", "dad", "father", "fathers", "parent", "parents",
        "carer", "carers", "nan", "nana", "gran", "granny", "grandma", "grandmother",
        "grandad", "grandfather", "stepdad", "stepmum", "stepfather", "stepmother", "aunt",
        "aunty", "auntie", "uncle", "foster", "kinship", "family", "families", "he", "she",
        "they", "him", "her", "them", "his", "hers", "their", "theirs", "himself", "herself",
        "themselves", "boy", "girl", "boys", "girls", "child", "children", "son", "daughter",
        "sons", "daughters", "kid", "kids", "teenager", "mr", "mrs", "ms", "miss", "<name>",
    ]
)
START = "<s>"
END = "</s>"


def pieces(word: str) -> list[str]:
    """The word-piece features of one (unquoted) word."""
    padded = "<" + word + ">"
    n = len(padded)
    return ["c:" + padded[i : i + k] for k in PIECE_SIZES for i in range(n - k + 1)]


def word_features(word: str) -> list[str]:
    """The features one word contributes on its own: itself and, unless quoted, its pieces."""
    if word in PEOPLE:
        return []
    own = ["w:" + word]
    if word.startswith("q:"):
        return own
    return own + pieces(word)


def counts_for_meaning(word: str) -> bool:
    """Whether a word counts in a sentence's mean word vector: the writer's own words only.

    Who-words say who, not what (as above), and quoted words are someone else's.
    """
    return word not in PEOPLE and not word.startswith("q:")


def sentence_features(
    toks: Sequence[str],
    next_toks: Sequence[str] = (),
    with_pieces: bool = True,
    with_skips: bool = True,
) -> list[str]:
    """Every feature of one sentence (repeats kept: the model sums them).

    Skip pairs (a word with the word two before it, ``k:``) let a phrase with one word
    slipped in ("is clearly hiding", "she simply chooses") read like the phrase itself.
    """
    out: list[str] = []
    prev2 = prev = START
    for tok in toks:
        if with_pieces:
            out.extend(word_features(tok))
        elif tok not in PEOPLE:
            out.append("w:" + tok)
        out.append("b:" + prev + " " + tok)
        if with_skips and prev is not START:
            out.append("k:" + prev2 + " " + tok)
        prev2, prev = prev, tok
    out.append("b:" + prev + " " + END)
    out.extend("n:" + tok for tok in next_toks[:NEXT_WORDS])
    return out


def item_features(
    units: Iterable[tuple[Sequence[str], Sequence[str]]],
    with_pieces: bool = True,
    with_skips: bool = True,
) -> list[str]:
    """Features of a labelled item of one or more sentences, as the run-time stage sees them.

    ``units`` holds each sentence's tokens with the first words of the next, as at run
    time; the item's label applies to the union (training items are labelled as a whole).
    """
    out: list[str] = []
    for toks, lead in units:
        out.extend(sentence_features(toks, lead, with_pieces, with_skips))
    return out


def meaning_scale(counted: int, min_words: int) -> float:
    """How much of a sentence's meaning term counts: all of it from ``min_words`` counted
    words up (or always, when min_words is 0), in proportion below, none with no words.

    Training (fit) and scoring (model) both use it, so they scale sentences alike.
    """
    if not counted:
        return 0.0
    if counted >= min_words:
        return 1.0
    return counted / min_words
