-- Date-range listings read each span class's rows in chronological order
-- (store/internal/core: overlapQuery), so that merging the classes orders the
-- whole and no sort waits for the last row: the primary key orders a class
-- by timeline.Compare (0002's ordered it by start and id only). Its rows lie
-- together in the table (WITHOUT ROWID), so a month is a few dozen pages.
CREATE TABLE occurrences_listing (
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
	PRIMARY KEY (span_class, skey, gran_rank, doc, trigger_start, id)
) WITHOUT ROWID;
INSERT INTO occurrences_listing (id, cluster, earliest, latest, skey, span_class, gran_rank, doc,
	trigger_start, cameo, sources, docs, event)
	SELECT id, cluster, earliest, latest, skey, span_class, gran_rank, doc,
		trigger_start, cameo, sources, docs, event
	FROM occurrences;
DROP TABLE occurrences;
ALTER TABLE occurrences_listing RENAME TO occurrences;
CREATE INDEX occurrences_earliest ON occurrences (earliest);
CREATE INDEX occurrences_chrono ON occurrences (skey, gran_rank, doc, trigger_start, id);
CREATE INDEX occurrences_cluster ON occurrences (cluster);
