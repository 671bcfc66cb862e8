"""studybot: flashcard decks from study notes, SM-2 spaced repetition, on Discord and in the terminal."""
