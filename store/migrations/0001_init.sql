-- Initial schema. Days are TEXT 'YYYY-MM-DD' (NULL: open bound), so that string
-- order is date order and the values read back exactly as written.

CREATE TABLE documents (
	id           TEXT PRIMARY KEY,
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	path         TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL,
	sha256       TEXT NOT NULL UNIQUE,
	dct          TEXT,
	dct_inferred INTEGER NOT NULL DEFAULT 0,
	dct_earliest TEXT,
	dct_latest   TEXT,
	-- Bookkeeping only: never part of any output.
	added_at     TEXT NOT NULL
);

CREATE TABLE sentences (
	doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE timexes (
	doc         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL, -- position in the analysis, to read back in order
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
	earliest    TEXT,
	latest      TEXT,
	granularity TEXT NOT NULL,
	anchor      TEXT NOT NULL,
	interval    TEXT NOT NULL,
	signal      TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE occurrences (
	doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	"when"     TEXT NOT NULL,
	earliest   TEXT,
	latest     TEXT,
	upcoming   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

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
	-- NULL name and code: no actor (a nil *Actor), as opposed to an uncoded one.
	source_name    TEXT,
	source_code    TEXT,
	target_name    TEXT,
	target_code    TEXT,
	when_value     TEXT NOT NULL,
	earliest       TEXT,
	latest         TEXT,
	granularity    TEXT NOT NULL,
	-- timeline.Granularity.Rank(), so that ORDER BY can follow timeline.Less and
	-- a LIMIT keeps the chronologically first events.
	gran_rank      INTEGER NOT NULL,
	-- The width class of [earliest, latest] (see events_span): bits.Len of the
	-- width in days when both bounds are known; 100: only earliest, 101: only
	-- latest, 102: neither.
	span_class     INTEGER NOT NULL,
	anchor         TEXT NOT NULL,
	evidence_start INTEGER,
	evidence_end   INTEGER,
	evidence_text  TEXT,
	confidence     REAL NOT NULL
);

-- Date-range queries. A B-tree on either bound alone answers "overlaps [from,
-- to]" by scanning every event on one side of the range. Instead events are
-- classed by the width of their interval (span_class, above), and within a class
-- indexed by their start (their end when the start is open): an event of width
-- under 2^c days that overlaps the range starts in [from - 2^c, to], so each
-- class is one short index range. (SQLite's R*Tree answers the same query but
-- made inserts four times slower.)
CREATE INDEX events_span ON events (span_class, coalesce(earliest, latest));
-- Plain bound indexes: "within" queries, and tools other than ours.
CREATE INDEX events_earliest ON events (earliest);
CREATE INDEX events_latest ON events (latest);
-- The chronological sort key of timeline.Less, for unfiltered queries with a LIMIT.
CREATE INDEX events_chrono ON events (coalesce(earliest, latest, '9999-12-31'), gran_rank, doc, trigger_start);
CREATE INDEX events_doc ON events (doc);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
