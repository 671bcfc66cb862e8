"""Deck generator: Markdown study notes -> deck YAML, by rules, offline.

`generate.generate_cards` turns a note into cards (the note read as a tree by
`notetree`, knowledge units found by `units`, cards made by `templates`);
`merge.merge_into_deck` folds them into an existing deck file, keeping hand
edits; `writer` writes YAML a maintainer can keep editing (a brand-new deck
is written by `freshdeck`, byte for byte as `writer` would, in a fraction of the
time).  The command that does all of it from a terminal is bot.cli.generate.

This package imports none of its modules: importing one rule of `units`
never runs the whole generator first (nor a module half-way through it).
"""
