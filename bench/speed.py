"""Throughput of the blame check on synthetic case notes, against a bare Aho-Corasick scan.

    python bench/speed.py [--mb 20] [--seed 7] [--notes 200]

Builds at least --mb megabytes of case-note text with a seeded RNG, where one sentence in
seven is blaming or tricky (negated, quoted, challenged, the same words about something
else, or blame said in words no rule lists). Then times, each against a bare
pyahocorasick pass over the lexicon's trigger words (lower-casing included in both):
- the rules alone (scan_rules);
- the full check (scan_text) with the sentence-verdict cache switched off, so every
  sentence is read by the learned stage (the cold, worst case);
- the full check again with the cache warm, as a rescan after a rule change is.
Each is timed --repeat times, interleaved, and the fastest run of each is kept. Last, the
live check: --notes notes of 5,000 characters, each checked once with an empty cache;
prints the 50th and 95th percentile times.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parent_partners.checks import default_lexicon, scan_text
from parent_partners.checks.learned import combine
from parent_partners.checks.text_scan import scan_rules

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
    "{name} sees the money as a fair trade and nobody made them get in the car.",
    "Had {carer_l} checked the phone, none of this would have happened.",
    "{name} turns the tears on for meetings and has the staff wrapped around their finger.",
    "{carer} puts their social life first and has given up on {name}.",
]
CONTEXT = [
    "It is not accurate to say {name} is putting themselves at risk; they are being groomed.",
    "{name} said, 'I chose to go, nobody made me.'",
    "The officer described {name} as 'a runner'. I challenged this at the meeting.",
    "{carer} is openly hostile to the men who groomed {name}.",
    "Please avoid describing {name} as promiscuous in any report.",
    "The men had {name} carrying parcels between the two towns.",
    "{name} was pulled back from college after the adults turned up at the gates.",
    "{carer} is angry with the men and wants them arrested.",
]


def build_corpus(megabytes: float, seed: int) -> str:
    """Seeded synthetic case notes.

    Six sentences in seven plain; the seventh blaming (half the time) or tricky (negated,
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
            pool = PLAIN if roll < 6 / 7 else BLAME if roll < 13 / 14 else CONTEXT
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


def trigger_automaton(words: list[str]) -> ahocorasick.Automaton:
    """A bare automaton over the trigger words (the baseline the checker is compared to)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def bare_scan(text: str, automaton: ahocorasick.Automaton) -> int:
    """A bare Aho-Corasick pass (lower-casing included); returns the number of hits."""
    hits = 0
    for _ in automaton.iter(text.lower()):
        hits += 1
    return hits


def _best(runs: int, timed: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Fastest of ``runs`` timings of each callable, interleaved."""
    best = dict.fromkeys(timed, float("inf"))
    for _ in range(max(1, runs)):
        for name, job in timed.items():
            started = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def _no_cache() -> combine.VerdictCache:
    """A verdict cache that keeps nothing: every sentence is read by the model."""
    return combine.VerdictCache(size=0)


def live_check(notes: list[str]) -> tuple[float, float]:
    """p50 and p95 milliseconds of checking each note once, with an empty cache."""
    times = []
    for note in notes:
        combine.VERDICTS.clear()
        combine.DETAILS.clear()
        started = time.perf_counter()
        scan_text(note)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.95))]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each pass this many times, interleaved, and keep the fastest of each",
    )
    args = parser.parse_args(argv)
    text = build_corpus(args.mb, args.seed)
    mb = len(text.encode("utf-8")) / 1_000_000
    lexicon = default_lexicon()
    scan_text("warm-up: Kai is streetwise.", lexicon)
    words = lexicon.trigger_words()
    counts: dict[str, int] = {}
    shared = combine.VERDICTS, combine.DETAILS

    def full_cold() -> None:
        combine.VERDICTS, combine.DETAILS = _no_cache(), _no_cache()
        try:
            counts["full"] = len(scan_text(text, lexicon))
        finally:
            combine.VERDICTS, combine.DETAILS = shared

    def full_warm() -> None:
        counts["warm"] = len(scan_text(text, lexicon))

    automaton = trigger_automaton(words)

    def bare() -> None:
        counts["bare"] = bare_scan(text, automaton)

    def rules() -> None:
        counts["rules"] = len(scan_rules(text, lexicon))

    scan_text(text, lexicon)  # fills the cache for the warm pass
    best = _best(
        args.repeat, {"bare": bare, "rules": rules, "full": full_cold, "warm": full_warm}
    )
    rate = {name: mb / seconds for name, seconds in best.items()}
    print(f"corpus: {mb:.1f} MB synthetic case notes, 1 sentence in 7 blaming or tricky "
          f"(seed {args.seed}), best of {args.repeat}")
    print(f"bare pyahocorasick ({len(words)} trigger words): {best['bare']:.2f} s, "
          f"{rate['bare']:.1f} MB/s, {counts['bare']} hits")
    for name, label in (
        ("rules", "rules alone (scan_rules)"),
        ("full", "full check, no cache (scan_text)"),
        ("warm", "full check, warm cache (rescan)"),
    ):
        print(f"{label:<34} {best[name]:.2f} s, {rate[name]:6.1f} MB/s, "
              f"ratio to bare scan {rate[name] / rate['bare']:.2f}, {counts[name]} findings")
    notes = [build_corpus(0.005, args.seed + n)[:5000] for n in range(args.notes)]
    p50, p95 = live_check(notes)
    print(f"live check of a 5,000-character note, empty cache ({len(notes)} notes): "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (floor: p95 < 150 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
