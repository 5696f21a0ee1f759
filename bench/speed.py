"""Throughput of scan_text on synthetic case notes, against a bare Aho-Corasick scan.

    python bench/speed.py [--mb 20] [--seed 7]

Builds at least --mb megabytes of case-note text with a seeded RNG (mostly plain
descriptive sentences, blaming wording in a minority, some negated or quoted), then
times scan_text over it and a bare pyahocorasick pass over the same lexicon's trigger
words (lower-casing included in both), and prints both throughputs and their ratio.
Both are timed --repeat times, interleaved, and the fastest run of each is kept.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parent_partners.checks import default_lexicon, scan_text

NAMES = [
    "Jayden",
    "Amira",
    "Kai",
    "Leah",
    "Tyrone",
    "Chloe",
    "Mason",
    "Zainab",
    "Bartek",
    "Priya",
    "Callum",
    "Nia",
    "Reece",
    "Hana",
    "Olamide",
    "Ruby",
    "Tendai",
    "Siobhan",
]
CARERS = [
    "Mum",
    "Dad",
    "Grandma",
    "Stepdad",
    "The foster carers",
    "Aunty",
    "Nan",
    "The kinship carers",
    "Mr Ali",
    "Mrs Okafor",
]
PLACES = [
    "the retail park",
    "the bus station",
    "the youth club",
    "school",
    "the boxing gym",
    "the library",
    "college",
    "the park",
    "the leisure centre",
    "his nan's house",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

PLAIN = [
    "{carer} and I went through the safety plan and agreed the next steps for {name}.",
    "Home visit completed with {carer_l} and {name}; bedroom seen and no concerns noted.",
    "{name} attended the session at {place} on {day} and talked about football and music.",
    "Strategy meeting held on {day} with police, health and education; actions circulated.",
    "{carer} asked for information about parent support groups, which I sent by email.",
    "{name} has started a course at college and showed me photos of their work.",
    "The return home interview took place at {place}; {name} said they felt tired.",
    "{carer} told me the door alarm has been fitted and is working well.",
    "Police have agreed to patrol {place} in the evenings after reports of adults loitering.",
    "{name} was seen by the school nurse on {day} and a follow-up appointment was booked.",
    "We discussed how {name} could contact the out-of-hours team if they feel unsafe.",
    "{carer} has been attending every core group meeting and asked helpful questions.",
    "A referral to the NRM was made on {day} and the first responder has been informed.",
    "{name} said they would like to keep meeting at {place} because it feels safe.",
    "The disruption plan was reviewed and a Child Abduction Warning Notice is being drafted.",
    "{name} told me about a new friend from school and seemed more settled this week.",
    "I dropped off a food voucher and talked with {carer_l} about the housing application.",
    "Transport to {place} was arranged so {name} does not need to use the bus at night.",
    "The interpreter was booked for the review meeting on {day}.",
    "{name} is dealing with a lot at the moment and we agreed to keep sessions short.",
    "{name} is at risk of exploitation from the adults identified at the strategy meeting.",
]
BLAME = [
    "{name} continues to put herself at risk by getting into cars with older males.",
    "{name} is streetwise and knows exactly what they are doing.",
    "{carer} failed to protect {name} from the men who came to the flat.",
    "{carer} is hostile and uncooperative, and {name} is hard to reach.",
    "{name} chooses to go missing and keeps going back to the same address.",
    "{carer} is in denial about what is happening to {name}.",
]
CONTEXT = [
    "It is not accurate to say {name} is putting themselves at risk; they are being groomed.",
    "{name} said, 'I chose to go, nobody made me.'",
    "The officer described {name} as 'a runner'. I challenged this at the meeting.",
    "{carer} is openly hostile to the men who groomed {name}.",
    "Please avoid describing {name} as promiscuous in any report.",
]


def build_corpus(megabytes: float, seed: int) -> str:
    """Seeded synthetic case notes.

    About 96% plain sentences, 2.5% blaming ones and 1.5% tricky ones (negated,
    quoted, challenged, or the same words about something else).
    """
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            roll = rng.random()
            pool = PLAIN if roll < 0.96 else BLAME if roll < 0.985 else CONTEXT
            carer = rng.choice(CARERS)
            sentences.append(
                rng.choice(pool).format(
                    name=rng.choice(NAMES),
                    carer=carer,
                    carer_l=carer[0].lower() + carer[1:] if carer.startswith("The") else carer,
                    place=rng.choice(PLACES),
                    day=rng.choice(DAYS),
                )
            )
        para = " ".join(sentences)
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs)


def bare_scan(text: str, words: list[str]) -> tuple[float, int]:
    """Time a bare Aho-Corasick pass (lower-casing included); return (seconds, hits)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    started = time.perf_counter()
    hits = 0
    for _ in automaton.iter(text.lower()):
        hits += 1
    return time.perf_counter() - started, hits


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time both passes this many times, interleaved, and keep the fastest of each",
    )
    args = parser.parse_args(argv)
    text = build_corpus(args.mb, args.seed)
    mb = len(text.encode("utf-8")) / 1_000_000
    lexicon = default_lexicon()
    scan_text("warm-up: Kai is streetwise.", lexicon)
    base_s = scan_s = float("inf")
    hits = 0
    findings: list[object] = []
    for _ in range(max(1, args.repeat)):
        # Interleaved, fastest of each: other load on the machine slows single runs.
        seconds, hits = bare_scan(text, lexicon.trigger_words())
        base_s = min(base_s, seconds)
        started = time.perf_counter()
        findings = list(scan_text(text, lexicon))
        scan_s = min(scan_s, time.perf_counter() - started)
    base_rate, scan_rate = mb / base_s, mb / scan_s
    print(f"corpus: {mb:.1f} MB synthetic case notes (seed {args.seed}), best of {args.repeat}")
    print(
        f"bare pyahocorasick ({len(lexicon.trigger_words())} trigger words): "
        f"{base_s:.2f} s, {base_rate:.1f} MB/s, {hits} hits"
    )
    print(f"scan_text: {scan_s:.2f} s, {scan_rate:.1f} MB/s, {len(findings)} findings")
    print(f"ratio scan_text / bare scan: {scan_rate / base_rate:.2f} (floor 0.2, goal 0.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
