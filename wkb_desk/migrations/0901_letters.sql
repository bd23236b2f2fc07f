-- Letters (issue 9): every letter the tool made or holds back, one row per (soort, event, version).
-- `event` is the idempotency key: the fact that caused the letter, independent of file names and document ids,
-- so a re-sent document, a rebuild, a restart or a second run never makes a second letter for it.
-- A row is claimed as 'bezig' before the file is written and set to its final status after: a crash in between
-- leaves a claim that the next run finishes (same file name), never a second letter.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    dossier_id  TEXT NOT NULL,
    soort       TEXT NOT NULL,              -- letters.kinds.SOORTEN
    event       TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1, -- 2, 3, ...: a person asked for a new version (--opnieuw)
    status      TEXT NOT NULL,              -- 'bezig' | 'gemaakt' | 'wacht_op_adres' | 'wacht_op_controle' | 'sjabloon_fout'
    reason      TEXT NOT NULL DEFAULT '',   -- Dutch, for people
    file        TEXT,                       -- relative to the config folder (outbox/...docx); NULL when not made
    pdf         TEXT,
    letter_date TEXT,                       -- the date in the letter, ISO
    address     TEXT,                       -- the dossier's project address, for overviews
    kenmerk     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_on     TEXT,                       -- "Verzonden op" typed by a person in the register (ISO date or text)
    UNIQUE (soort, event, version)
);
CREATE INDEX letters_dossier ON letters(dossier_id);
