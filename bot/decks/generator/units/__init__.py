"""Knowledge units: what a note teaches, recognised in its structure.

`reader` walks the note tree; `headings`, `listing`, `prose` and `tables` recognise
units in headings, lists, sentences and tables; `render` turns blocks into answer
text.  `definitions`, `labels`, `topics` and `terms` hold the sentence- and
word-level rules (Korean and English) those recognisers share.
"""
