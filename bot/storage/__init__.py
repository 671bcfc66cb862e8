"""Storage: the models, the migrations' engine, and the one way to the database.

Every unit of work is a synchronous function of a SQLAlchemy ``Connection``,
run in one transaction by the ``TransactionRunner`` (bot.storage.transactions);
nothing else writes.  The SQL lives here, in modules named for what they
store (answers, study_sessions, queue_queries, learners, catalog, stats,
reminders, daily_configs, daily_posts, deck_sync, deck_reports, leaderboard,
review_log), as functions named for what they do; bot.study composes them
into use cases and holds no session of its own.

On SQLite the runner owns one writer thread (urgent work, what a learner waits
on, jumps its queue; answers waiting together share one commit, each in its
own savepoint) and reader threads for work that only reads, each on a plain
sqlite3 connection; the statements every click runs are compiled once
(bot.storage.prepared).  On PostgreSQL it runs the work through the async
engine's bridge.  The async engine itself only migrates the schema at start.
"""
