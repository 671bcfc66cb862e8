"""studybot: flashcard decks from study notes and SM-2 spaced repetition, on Discord and offline."""
