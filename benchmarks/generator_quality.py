"""Deck generator quality on real notes, and its speed on a 1 MB note.

Usage:
  python benchmarks/generator_quality.py [--notes DIR] [NOTE-STEM ...]
  python benchmarks/generator_quality.py --export-unjudged OUT.json [--with-drafts]
  python benchmarks/generator_quality.py --import-labels IN.json
  python benchmarks/generator_quality.py --speed-only

The notes are public study notes kept outside the repository (default
`../shared/notes-real`, or $STUDYBOT_REAL_NOTES); for each, `real_notes/` holds the
key facts a teacher would card (written before any card was generated) and the
verdict of a careful reader on every card generated so far, keyed by a hash of the
card's text, so a rerun only needs verdicts on cards it has not seen.  A second set,
`written_notes/`, holds notes written for this check in the styles people keep
(interview Q&A, TIL pages, lecture notes, cheat sheets, guides), each judged first by
a reader who never saw the generator: its figures are reported apart, since the rules
were then revised on what those verdicts showed.  Verdicts:

  good     a teacher would keep it as it is
  awkward  right, but the grammar or the wording needs an edit
  bad      not answerable from its question alone, answer given away, a fragment,
           wrong, trivial, or markup left in it

Figures: precision = good / judged served cards (drafts are not served); recall =
key facts asked by a good served card; drafts; residue (markup, URLs, HTML left in a
card, found mechanically).  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.generate import generate_cards

HERE = Path(__file__).parent
FACTS = HERE / "real_notes"
LABELS = FACTS / "labels"
WRITTEN = HERE / "written_notes"
ROOT = HERE.parent
# Notes the rules were not developed on: their figures show whether the rules generalise.
HOLDOUT = frozenset({
    "ko-os-virtual-memory", "ko-security-crypto-web-attacks", "ko-db-clustered-index",
    "ko-web-cookie-session", "en-db-course-notes", "en-security-auth-session-jwt",
    "en-system-design-load-balancer",
})
_RESIDUE = re.compile(
    r"\*\*|(?<!\w)__(?![a-z][a-z0-9]*__(?!\w))(?=\S)[^_\n]*?(?<=\S)__(?!\w)|`|(?:^|\n)\s*#{1,6}\s(?!of\b)|\[[^\]\n]*\]\(|!\[|(?<![\w.])<[A-Za-z/!]|&(?:[A-Za-z]+|#\d+);|"
    r"https?://|www\.|\$(?![A-Za-z]*_\w*)[^$\n]+\$|(?<![\w:]):[a-z_]{2,}:(?!\w)|\.(?:png|jpe?g|gif|svg)\b|"
    r"(?:^|\n)\s*[-*+]\s|[\ue000-\ue0ff]",
    re.I,
)
# ("# of processes" is the author's "number of", not a heading; "$remote_addr" an nginx or
# shell variable, not math.)
# (A dunder name, "__iter__", is Python's own spelling: markup is rendered before a card is
# written, so what is left of "__" is from code.)
_TARGET_BYTES = 1_000_000
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::.*?)?\}\}", re.S)


def card_view(card: GeneratedCard) -> dict[str, Any]:
    """What a learner sees of a card: the fields a judge reads."""
    view: dict[str, Any] = {"type": card.type, "question": card.question()}
    if card.type == "cloze":
        # One face per deletion, as learners meet them: that blank hidden, the others shown.
        faces = []
        for match in _CLOZE.finditer(card.text):
            number = match.group(1)
            shown = _CLOZE.sub(lambda m, n=number: "[...]" if m.group(1) == n else m.group(2),
                               card.text)
            faces.append({"question": shown, "answer": match.group(2)})
        view["faces"] = faces
        view["question"] = faces[0]["question"] if faces else card.text
        view["answer"] = " / ".join(f["answer"] for f in faces)
        if card.back:
            view["explanation"] = card.back
        return view
    if card.type == "choice":
        view["choices"] = list(card.choices)
        view["answer"] = card.answer
    else:
        view["answer"] = card.answers()[0] if card.answers() else ""
    if card.back and card.type in ("choice", "cloze"):
        view["explanation"] = card.back
    if card.accept:
        view["also_accepted"] = list(card.accept)
    return view


def card_key(card: GeneratedCard) -> str:
    blob = json.dumps(card_view(card), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def residue(card: GeneratedCard) -> bool:
    """Markup a learner would see (checked on what the card shows, so the cloze
    syntax itself is not mistaken for some)."""
    shown = _CLOZE.sub(lambda m: m.group(2), card.all_text())
    return bool(_RESIDUE.search(shown))


@dataclass
class NoteFigures:
    stem: str
    lang: str
    facts: int
    served: int = 0
    drafts: int = 0
    judged: int = 0
    good: int = 0
    awkward: int = 0
    bad: int = 0
    residue: int = 0
    covered: set[str] = field(default_factory=set)
    covered_with_drafts: set[str] = field(default_factory=set)
    unjudged: list[GeneratedCard] = field(default_factory=list)
    unjudged_drafts: list[GeneratedCard] = field(default_factory=list)
    bad_cards: list[tuple[GeneratedCard, str]] = field(default_factory=list)
    written: bool = False  # one of written_notes/, not a public note
    note_path: str = ""
    facts_path: str = ""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def _labels_dir(stem: str) -> Path:
    return WRITTEN / "labels" if (WRITTEN / f"{stem}.facts.yaml").exists() else LABELS


def load_labels(stem: str) -> dict[str, dict[str, Any]]:
    path = _labels_dir(stem) / f"{stem}.labels.yaml"
    if not path.exists():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {str(k): dict(v) for k, v in (data.get("cards") or {}).items()}


def save_labels(stem: str, labels: dict[str, dict[str, Any]]) -> None:
    folder = _labels_dir(stem)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.labels.yaml"
    data = {"note": f"{stem}.md", "cards": {k: labels[k] for k in sorted(labels)}}
    with path.open("w", encoding="utf-8") as handle:
        handle.write("# Verdicts on generated cards, keyed by a hash of the card's text "
                     "(see benchmarks/generator_quality.py).\n")
        _yaml().dump(data, handle)


def notes_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("STUDYBOT_REAL_NOTES"):
        return Path(os.environ["STUDYBOT_REAL_NOTES"])
    for parent in ROOT.resolve().parents:  # the repository may be a worktree further down
        candidate = parent / "shared" / "notes-real"
        if candidate.is_dir():
            return candidate
    raise SystemExit("real notes not found: pass --notes DIR or set STUDYBOT_REAL_NOTES")


def evaluate(facts_path: Path, notes: Path) -> NoteFigures:
    spec = YAML(typ="safe").load(facts_path.read_text(encoding="utf-8"))
    stem = facts_path.name.removesuffix(".facts.yaml")
    if facts_path.parent == WRITTEN:
        notes = WRITTEN
    text = (notes / spec["note"]).read_text(encoding="utf-8")
    lang = spec.get("lang") or "ko"
    fact_ids = {str(f["id"]) for f in spec["facts"]}
    figures = NoteFigures(stem, lang, len(fact_ids), written=facts_path.parent == WRITTEN,
                          note_path=str((notes / spec["note"]).resolve()),
                          facts_path=str(facts_path.resolve()))
    labels = load_labels(stem)
    for card in generate_cards(text, spec["note"], lang):
        figures.residue += residue(card)
        label = labels.get(card_key(card))
        asks = {str(f) for f in (label or {}).get("facts") or []} & fact_ids
        good = label is not None and label.get("verdict") == "good"
        if card.draft:
            figures.drafts += 1
            if good:
                figures.covered_with_drafts |= asks
            elif label is None:
                figures.unjudged_drafts.append(card)
            continue
        figures.served += 1
        if label is None:
            figures.unjudged.append(card)
            continue
        figures.judged += 1
        verdict = label.get("verdict")
        if verdict == "good":
            figures.good += 1
            figures.covered |= asks
            figures.covered_with_drafts |= asks
        elif verdict == "awkward":
            figures.awkward += 1
            figures.bad_cards.append((card, f"awkward: {label.get('why', '')}"))
        else:
            figures.bad += 1
            figures.bad_cards.append((card, f"bad: {label.get('why', '')}"))
    return figures


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def report(all_figures: list[NoteFigures], verbose: bool) -> None:
    print(f"{'note':36} {'lang':4} {'served':>6} {'drafts':>6} {'unjdg':>5} "
          f"{'prec':>5} {'recall':>6} {'+drafts':>7} {'residue':>7}")
    for f in all_figures:
        mark = "*" if f.stem in HOLDOUT else "+" if f.written else " "
        print(f"{mark}{f.stem:35} {f.lang:4} {f.served:6} {f.drafts:6} {len(f.unjudged):5} "
              f"{_ratio(f.good, f.judged):>5} {_ratio(len(f.covered), f.facts):>6} "
              f"{_ratio(len(f.covered_with_drafts), f.facts):>7} {f.residue:7}")
        if verbose and f.stem not in HOLDOUT:  # read the held-out verdicts only as figures
            for card, why in f.bad_cards:
                print(f"      {why[:60]:60} | {card.question()[:90]}")
    public = [f for f in all_figures if not f.written]
    written = [f for f in all_figures if f.written]
    groups = {
        "overall": public,
        "ko": [f for f in public if f.lang == "ko"],
        "en": [f for f in public if f.lang == "en"],
        "development": [f for f in public if f.stem not in HOLDOUT],
        "held out (*)": [f for f in public if f.stem in HOLDOUT],
        "written (+)": written,
        "written ko": [f for f in written if f.lang == "ko"],
        "written en": [f for f in written if f.lang == "en"],
    }
    print()
    for name, group in groups.items():
        if not group:
            continue
        good = sum(f.good for f in group)
        judged = sum(f.judged for f in group)
        covered = sum(len(f.covered) for f in group)
        covered_d = sum(len(f.covered_with_drafts) for f in group)
        facts = sum(f.facts for f in group)
        served = sum(f.served for f in group)
        print(f"== {name:14} precision {_ratio(good, judged)} ({good}/{judged} judged of "
              f"{served} served), recall {_ratio(covered, facts)} ({covered}/{facts}), "
              f"with drafts {_ratio(covered_d, facts)}, drafts {sum(f.drafts for f in group)}, "
              f"awkward {sum(f.awkward for f in group)}, bad {sum(f.bad for f in group)}, "
              f"residue {sum(f.residue for f in group)}, "
              f"unjudged {sum(len(f.unjudged) for f in group)}")


def export_unjudged(all_figures: list[NoteFigures], out: Path, with_drafts: bool) -> None:
    payload = []
    for f in all_figures:
        cards = list(f.unjudged) + (list(f.unjudged_drafts) if with_drafts else [])
        if not cards:
            continue
        payload.append({"note": f"{f.stem}.md", "note_path": f.note_path,
                        "facts": f.facts_path,
                        "cards": [{"key": card_key(c), **card_view(c)} for c in cards]})
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{sum(len(n['cards']) for n in payload)} cards to judge in {out}")


def import_labels(path: Path) -> None:
    """Merge a judge's verdicts: [{note, cards: [{key, verdict, facts, why}]}]."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    added = 0
    for note in payload:
        stem = str(note["note"]).removesuffix(".md")
        labels = load_labels(stem)
        for card in note["cards"]:
            verdict = card["verdict"]
            if verdict not in ("good", "awkward", "bad"):
                raise SystemExit(f"{path}: unknown verdict {verdict!r}")
            labels[str(card["key"])] = {"verdict": verdict,
                                        "facts": [str(x) for x in card.get("facts") or []],
                                        "why": str(card.get("why") or "")}
            added += 1
        save_labels(stem, labels)
    print(f"{added} verdicts merged")


def big_note(texts: list[str]) -> str:
    """~1 MB of notes, each copy under its own heading so every section is distinct."""
    parts: list[str] = []
    size = 0
    n = 0
    while size < _TARGET_BYTES:
        for text in texts:
            n += 1
            chunk = re.sub(r"^(#+) +(.+)$", lambda m, k=n: f"{m.group(1)} {m.group(2)} {k}",
                           text, flags=re.M)
            parts.append(f"# Part {n}\n\n{chunk}\n")
            size += len(parts[-1].encode("utf-8"))
    return "\n".join(parts)


def speed(notes: Path) -> None:
    """The whole `deck generate` path on a 1 MB note, start-up included, in a new process.
    Its CPU time is printed too: on a shared machine the wall time also counts waiting."""
    import resource
    import subprocess
    import tempfile

    for lang in ("ko", "en"):
        texts = [p.read_text(encoding="utf-8") for p in sorted(notes.glob(f"{lang}-*.md"))]
        if not texts:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            note = Path(tmp) / f"big.{lang}.md"
            note.write_text(big_note(texts), encoding="utf-8")
            timings = []
            cpu_times = []
            for _ in range(3):
                start = time.perf_counter()
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([sys.executable, "-m", "bot.cli", "deck", "generate", str(note),
                                "-o", str(Path(tmp) / "big.yaml")], check=True,
                               capture_output=True)
                timings.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu_times.append(after.ru_utime - before.ru_utime
                                 + after.ru_stime - before.ru_stime)
                (Path(tmp) / "big.yaml").unlink()
            size = note.stat().st_size / 1_000_000
            start = time.process_time()
            cards = generate_cards(note.read_text(encoding="utf-8"), "big.md", lang)
            cpu = time.process_time() - start
        print(f"== {size:.2f} MB {lang} note: generating {len(cards)} cards {cpu:.2f} s CPU; "
              f"whole `studybot deck generate` (start-up, parse, write) best {min(timings):.2f} s,"
              f" worst {max(timings):.2f} s (target 3 s); its CPU time best {min(cpu_times):.2f} s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stems", nargs="*")
    parser.add_argument("--notes")
    parser.add_argument("--export-unjudged", type=Path)
    parser.add_argument("--with-drafts", action="store_true")
    parser.add_argument("--import-labels", type=Path)
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    notes = notes_dir(args.notes)
    if args.import_labels:
        import_labels(args.import_labels)
        return 0
    if not args.speed_only:
        paths = sorted(FACTS.glob("*.facts.yaml")) + sorted(WRITTEN.glob("*.facts.yaml"))
        if args.stems:
            paths = [p for p in paths if p.name.removesuffix(".facts.yaml") in args.stems]
        figures = [evaluate(p, notes) for p in paths]
        if args.export_unjudged:
            export_unjudged(figures, args.export_unjudged, args.with_drafts)
            return 0
        report(figures, args.verbose)
    if not args.no_speed:
        speed(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
