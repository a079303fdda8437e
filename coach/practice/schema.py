"""The progress file's tables, one forward-only migration per schema version.

``PRAGMA user_version`` holds the version a file is at; :class:`coach.practice.store.Store`
runs the missing migrations in one transaction when it opens a file.
"""

from __future__ import annotations

SCHEMA_VERSION = 4

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE cards (
        card_id TEXT PRIMARY KEY,        -- the question's stable id
        state INTEGER NOT NULL,          -- fsrs.State: 1 learning, 2 review, 3 relearning
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL,
        introduced REAL NOT NULL,        -- time of the first review
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX cards_due ON cards (due);
    CREATE INDEX cards_introduced ON cards (introduced);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL,         -- 1 again, 2 hard, 3 good, 4 easy
        reviewed_at REAL NOT NULL,
        duration_ms INTEGER,
        score REAL,                      -- typed-answer keyword score, 0..1
        cram INTEGER NOT NULL DEFAULT 0, -- 1: drilled outside the schedule
        UNIQUE (card_id, reviewed_at)
    );
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        kata TEXT NOT NULL,
        at REAL NOT NULL,
        status TEXT NOT NULL,            -- pass, fail or error
        passed INTEGER NOT NULL,
        total INTEGER NOT NULL,
        duration_ms REAL,                -- time spent on the kata before this run
        solution_hash TEXT,
        UNIQUE (kata, at)
    );
    CREATE INDEX attempts_kata ON attempts (kata);
    CREATE TABLE drafts (
        kata TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    2: """
    CREATE TABLE card_holds (
        card_id TEXT PRIMARY KEY,        -- a question id, seen or not
        kind TEXT NOT NULL,              -- 'suspended' (until unsuspended) or 'buried' (until `until`)
        since REAL NOT NULL,
        until REAL                       -- buried: the card comes back at this time (next local midnight)
    );
    """,
    3: """
    CREATE TABLE kata_cards (
        kata TEXT PRIMARY KEY,           -- a kata on the FSRS scheduler, as cards are
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL,
        introduced REAL NOT NULL,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        kept_draft TEXT,                 -- the draft set aside when the kata came back
        kept_at REAL
    );
    CREATE INDEX kata_cards_due ON kata_cards (due);
    CREATE TABLE kata_sessions (
        id INTEGER PRIMARY KEY,
        kata TEXT NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL NOT NULL,
        runs INTEGER NOT NULL,
        tries INTEGER NOT NULL,          -- runs with changed code
        failed_runs INTEGER NOT NULL,    -- failing runs before the first pass
        hints INTEGER NOT NULL,
        viewed_solution INTEGER NOT NULL,
        first_pass_ms REAL,              -- active time from the start to the first pass
        timed INTEGER NOT NULL,          -- 0: started from a draft that had passed already
        rating INTEGER,                  -- 1-4 when the session was rated, else NULL
        UNIQUE (kata, started_at)
    );
    CREATE INDEX kata_sessions_time ON kata_sessions (ended_at);
    """,
    4: """
    CREATE TABLE mocks (                 -- coach mock: one row per mock interview
        id INTEGER PRIMARY KEY,
        started_at REAL NOT NULL UNIQUE, -- the mock's key across machines
        ended_at REAL,
        status TEXT NOT NULL,            -- running, finished or partial
        ended_in TEXT,                   -- the round a partial mock stopped in
        track TEXT NOT NULL,
        level TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        seed INTEGER,
        plan TEXT NOT NULL,              -- JSON: questions, follow-ups, kata and model answers
        focus TEXT                       -- JSON: the weakest areas and what to practise next
    );
    CREATE TABLE mock_answers (
        mock REAL NOT NULL,              -- the mock's started_at
        round TEXT NOT NULL,             -- warm-up, concepts, coding, wrap-up
        kind TEXT NOT NULL,              -- question, follow_up, code, review, end
        position INTEGER NOT NULL,
        item TEXT NOT NULL,              -- card id, kata slug or round name
        prompt TEXT NOT NULL,
        answer TEXT NOT NULL,            -- what the user typed, or the final code
        score REAL,
        detail TEXT NOT NULL,            -- JSON: hits, misses, tests, hints, time
        at REAL NOT NULL,
        PRIMARY KEY (mock, round, kind, position)
    );
    """,
}
