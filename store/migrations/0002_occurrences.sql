-- Occurrences merged as articles are stored (store/internal/core/merge.go).
-- The table that held the named occurrences of the gazetteer (the Olympics, a
-- summit) an article is dated against takes that name, and "occurrences" are
-- the reports of one event by several articles merged into one.
ALTER TABLE occurrences RENAME TO named_occurrences;

-- The events of one merge key whose reaches (timeline.Reach) chain together:
-- grouped independently of the key's other events. lo..hi: the union of the
-- members' reaches, inclusive days.
CREATE TABLE clusters (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	cameo       TEXT NOT NULL,
	source_code TEXT NOT NULL, -- '' for none, as timeline.MergeKey has it
	target_code TEXT NOT NULL,
	lo          TEXT NOT NULL,
	hi          TEXT NOT NULL
);
CREATE INDEX clusters_key ON clusters (kind, cameo, source_code, target_code, lo);

-- One row per occurrence: the merged event (timeline.Group.Merged) as queries
-- return it, so that they read this table alone. Its primary key orders it
-- by span class and start, the date-range lookup of 0001's events_span: the
-- rows of a range lie together.
CREATE TABLE occurrences (
	id            TEXT NOT NULL UNIQUE, -- the representative event's id
	cluster       INTEGER,              -- NULL: an event never merged (no key)
	earliest      TEXT,                 -- the members' common interval
	latest        TEXT,
	skey          TEXT NOT NULL,        -- coalesce(earliest, latest, '9999-12-31'): timeline.Less's first key
	span_class    INTEGER NOT NULL,     -- as events.span_class, of the common interval
	gran_rank     INTEGER NOT NULL,     -- the representative's, for the chronological order
	doc           TEXT NOT NULL,
	trigger_start INTEGER NOT NULL,
	cameo         TEXT NOT NULL,
	sources       INTEGER NOT NULL,     -- documents reporting it
	docs          TEXT NOT NULL,        -- JSON list of the other documents, sorted; '' for none
	event         BLOB NOT NULL,        -- the representative event (store/internal/core/payload.go)
	PRIMARY KEY (span_class, skey, id)
) WITHOUT ROWID;
CREATE INDEX occurrences_earliest ON occurrences (earliest);
-- timeline.Compare of the merged events: exports walk it, no sort.
CREATE INDEX occurrences_chrono ON occurrences (skey, gran_rank, doc, trigger_start, id);
CREATE INDEX occurrences_cluster ON occurrences (cluster);

ALTER TABLE events ADD COLUMN cluster INTEGER;
ALTER TABLE events ADD COLUMN occurrence TEXT;
CREATE INDEX events_cluster ON events (cluster);
CREATE INDEX events_occurrence ON events (occurrence);
-- Queries read occurrences now: the event bound indexes only slowed inserts.
DROP INDEX events_span;
DROP INDEX events_chrono;
DROP INDEX events_earliest;
DROP INDEX events_latest;

-- What the stored occurrences were merged with (merge_span).
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
