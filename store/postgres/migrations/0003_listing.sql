-- store/migrations/0003_listing.sql for PostgreSQL. Date-range listings read
-- each span class's rows in chronological order and the server merges the
-- classes (store/internal/core: overlapQuery): a Merge Append, no sort. A
-- table's rows lie where they were inserted, so the rows of a month are
-- spread over as many heap pages as it has rows; the index that orders a
-- class chronologically therefore also carries what a listing reads, and a
-- month is read from a few hundred index pages alone (an index-only scan:
-- pages the visibility map marks all-visible, which vacuum sets).
--
-- A B-tree entry must fit in a third of a page (2,704 bytes), and a
-- sentence or a list of reporting documents can be longer: listed marks the
-- rows whose entry surely fits, and occurrences_wide finds the rest.
ALTER TABLE occurrences ADD COLUMN listed BOOLEAN NOT NULL
	GENERATED ALWAYS AS (octet_length(id) + octet_length(doc) + octet_length(docs) + octet_length(event) <= 2000) STORED;
CREATE INDEX occurrences_listing ON occurrences (span_class, skey, gran_rank, doc, trigger_start, id)
	INCLUDE (earliest, latest, sources, docs, event) WHERE listed;
CREATE INDEX occurrences_wide ON occurrences (span_class, skey) WHERE NOT listed;
