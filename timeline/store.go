package timeline

import "context"

// Store persists analyses and answers queries over them. store.DB implements it
// with SQLite, postgres.DB with PostgreSQL; both pass the same tests
// (store/storetest). Every write is all or nothing.
//
// A store merges the reports of one occurrence by several documents as it
// stores them (GroupWithin, with the span it was opened with): the events it
// answers with are occurrences (Group.Merged), the same whatever the filter.
type Store interface {
	// SaveAnalysis stores one article with its timexes and events; stored is
	// false when an article with the same body was already there (a then takes
	// its id, so that what the caller prints names what is stored). When its id is
	// used by a different article it is stored under Document.UniqueID, and a
	// is renamed to it (Analysis.Rename).
	SaveAnalysis(ctx context.Context, a *Analysis) (stored bool, err error)
	// ReplaceAnalysis stores a in place of the stored analysis of the same body,
	// in one transaction, returning the document replaced (nil: none was).
	ReplaceAnalysis(ctx context.Context, a *Analysis) (replaced *Document, err error)
	// SaveAnalyses stores a batch in one transaction.
	SaveAnalyses(ctx context.Context, as []*Analysis) (stored, duplicates int, err error)
	// Timeline returns the occurrences matching f in chronological order and
	// the documents that report them.
	Timeline(ctx context.Context, f EventFilter) ([]Document, []Event, error)
	// Events returns the occurrences matching f in chronological order.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	// EachEvent calls fn with each occurrence Events would return, in order,
	// as it is read, so that memory does not grow with the answer; the *Event
	// is valid until fn returns (a store may read the next one into it), so
	// fn copies what it keeps. An error from fn stops it and is returned.
	EachEvent(ctx context.Context, f EventFilter, fn func(*Event) error) error
	Documents(ctx context.Context) ([]DocumentSummary, error)
	// Actors lists the coded actors of the stored events with their counts,
	// the most frequent first.
	Actors(ctx context.Context) ([]ActorCount, error)
	Document(ctx context.Context, id string) (*Document, error)
	Timexes(ctx context.Context, docID string) ([]Timex, error)
	DeleteDocument(ctx context.Context, id string) error
	Close() error
}
