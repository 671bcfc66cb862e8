"""Message tables, one module per front end, merged by bot.i18n.catalogue.

Each table maps a dotted key to its text in every supported language, as
``str.format`` templates.  Keeping a front end's messages in its own module
lets the Discord, terminal and CLI owners add keys without editing each
other's tables; the catalogue refuses a key defined twice.
"""

from __future__ import annotations

from collections.abc import Mapping

Table = Mapping[str, Mapping[str, str]]
