"""``python -m bot.cli``: the same as the ``studybot`` command."""

from bot.cli.main import main

main()
