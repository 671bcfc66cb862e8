"""`studybot` command line: run | study | deck … | db upgrade/verify.

`main` (the ``studybot`` entry point, ``bot.cli:main``) parses the command line
and runs one command (`bot.cli.main`).  The deck commands that read and write
files have a module each: `generate` (deck generate), `interop` (deck export and
import) and `progress` (deck export-progress); what they print is in the
catalogue (bot/i18n/messages/cli_*.py), in the language `output.ui_language`
picks.  Each command imports what it needs when it runs, so `studybot deck
check` starts fast and never loads discord.py.
"""

from bot.cli.main import main

__all__ = ["main"]
