"""Deck interop: Anki `.apkg` and CSV export and import, so decks move between tools.

Anki fields are HTML; ours are plain text.  Export escapes text into HTML and import
reduces HTML back to text (`html`), so a round trip changes nothing a learner reads.
"""
