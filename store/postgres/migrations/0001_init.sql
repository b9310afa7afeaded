-- Initial schema: store/migrations/0001_init.sql in PostgreSQL's types. Days
-- are dates (NULL: open bound).

CREATE TABLE documents (
	id           TEXT PRIMARY KEY,
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	path         TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL,
	sha256       TEXT NOT NULL UNIQUE,
	dct          DATE,
	dct_inferred BOOLEAN NOT NULL DEFAULT false,
	dct_earliest DATE,
	dct_latest   DATE,
	-- Bookkeeping only: never part of any output.
	added_at     TEXT NOT NULL
);

CREATE TABLE sentences (
	doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
);

CREATE TABLE timexes (
	doc         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	tid         TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	type        TEXT NOT NULL,
	value       TEXT NOT NULL,
	mod         TEXT NOT NULL,
	anchor_tid  TEXT NOT NULL,
	begin_point TEXT NOT NULL,
	end_point   TEXT NOT NULL,
	quant       TEXT NOT NULL,
	freq        TEXT NOT NULL,
	earliest    DATE,
	latest      DATE,
	granularity TEXT NOT NULL,
	anchor      TEXT NOT NULL,
	"interval"  TEXT NOT NULL,
	signal      TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
);

CREATE TABLE occurrences (
	doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	"when"     TEXT NOT NULL,
	earliest   DATE,
	latest     DATE,
	upcoming   BOOLEAN NOT NULL,
	PRIMARY KEY (doc, idx)
);

CREATE TABLE events (
	id             TEXT PRIMARY KEY,
	doc            TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	sentence_text  TEXT NOT NULL,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	trigger_text   TEXT NOT NULL,
	kind           TEXT NOT NULL,
	cameo          TEXT NOT NULL,
	status         TEXT NOT NULL,
	source_name    TEXT,
	source_code    TEXT,
	target_name    TEXT,
	target_code    TEXT,
	when_value     TEXT NOT NULL,
	earliest       DATE,
	latest         DATE,
	granularity    TEXT NOT NULL,
	gran_rank      INTEGER NOT NULL,
	span_class     INTEGER NOT NULL,
	anchor         TEXT NOT NULL,
	evidence_start INTEGER,
	evidence_end   INTEGER,
	evidence_text  TEXT,
	confidence     DOUBLE PRECISION NOT NULL
);

CREATE INDEX events_span ON events (span_class, coalesce(earliest, latest));
CREATE INDEX events_earliest ON events (earliest);
CREATE INDEX events_latest ON events (latest);
CREATE INDEX events_chrono ON events (coalesce(earliest, latest, '9999-12-31'), gran_rank, doc, trigger_start);
CREATE INDEX events_doc ON events (doc);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
