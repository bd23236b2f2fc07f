-- The daily run (issue 10): its runs, the day each overview covers, and the mail outbox.
-- See wkb_desk/daily/records.py and wkb_desk/daily/mail.py for how these are used.

-- Every daily run (also a repeat for the same date, and one that failed).
CREATE TABLE daily_runs (
    id          INTEGER PRIMARY KEY,
    run_date    TEXT NOT NULL,                  -- the date evaluated, YYYY-MM-DD
    command     TEXT NOT NULL,                  -- 'daily' | 'run'
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    result      TEXT,                           -- 'ok' | 'register_in_gebruik' | 'fout'; NULL while running
    counts_json TEXT,                           -- what the overview counted, the sweep's counts, the mail state
    message     TEXT                            -- Dutch, for `wkb-desk runs`
);
CREATE INDEX daily_runs_date ON daily_runs(run_date);

-- One row per date that has an overview: which documents are that day's arrivals (id > docs_from and
-- <= docs_to) and the fingerprint of the overview's content (a repeat run with the same content writes nothing).
-- The letters of a date come from the letters table (migration 0901).
CREATE TABLE daily_days (
    run_date      TEXT PRIMARY KEY,
    docs_from     INTEGER NOT NULL,
    docs_to       INTEGER NOT NULL,
    overview_path TEXT,                         -- relative to the config folder
    overview_sha  TEXT,
    written_at    TEXT
);

-- The day overview by e-mail: queued in the same transaction that records the overview, sent after.
-- state: 'wacht' (to send; also after a failed try) -> 'bezig' (handed to the server) -> 'verzonden'.
-- One row per date: never a second mail for a day.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    run_date        TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL,
    recipients_json TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    attachment      TEXT,                       -- relative to the config folder
    message_id      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_attempt_at TEXT,
    sent_at         TEXT
);
