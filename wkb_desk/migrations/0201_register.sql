-- The Excel register's bookkeeping (issue 5). See wkb_desk/register/writer.py for how it is used.

-- Per dossier row: what the tool columns held after the tool's last save (normalised text per column key,
-- plus "_docs": the number of documents then). A cell that differs from this at the next read-back was
-- changed by a person. `pending_json` holds the next state while a save is under way: it becomes the state
-- only once the register file carrying the matching token is in place (crash between save and commit).
CREATE TABLE register_rows (
    dossier_id   TEXT PRIMARY KEY,
    values_json  TEXT,
    pending_json TEXT,
    written_at   TEXT NOT NULL
);

-- People's columns (Behandelaar, Opmerkingen, and any column the tool does not know), so that a rebuild
-- brings them back. value_json is the typed value: "text", 3, true, or {"datum": "2026-01-31"}.
CREATE TABLE register_people (
    dossier_id  TEXT NOT NULL,
    header      TEXT NOT NULL,
    value_json  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (dossier_id, header)
);

-- Rows a person deleted from the register: not recreated until a new document arrives for the dossier
-- (documents > this count) or a rebuild runs.
CREATE TABLE register_deleted (
    dossier_id  TEXT PRIMARY KEY,
    deleted_at  TEXT NOT NULL,
    documents   INTEGER NOT NULL DEFAULT 0
);

-- Small key/value facts: the token of the register file the state belongs to, the column order.
CREATE TABLE register_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
