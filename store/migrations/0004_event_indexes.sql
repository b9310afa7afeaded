-- Indexes of events that no query reads: listings read occurrences (0002),
-- whose cameo is a column of their own, and an actor is matched by a pattern
-- within an occurrence's reports (events_occurrence), never by the code
-- alone; the actor counts read every event. Each was one more B-tree to
-- update for every event stored.
DROP INDEX events_cameo;
DROP INDEX events_source_code;
DROP INDEX events_target_code;
