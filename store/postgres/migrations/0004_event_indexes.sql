-- store/migrations/0004_event_indexes.sql for PostgreSQL: indexes of events
-- that no query reads, one more B-tree each to update for every event stored.
DROP INDEX events_cameo;
DROP INDEX events_source_code;
DROP INDEX events_target_code;
