package timeline

import "context"

// Store persists analyses and answers queries over them. store.DB implements it
// with SQLite; a server database would implement it too and pass the same tests.
// Every write is all or nothing.
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
	// Timeline returns the events matching f in chronological order and the
	// documents they come from.
	Timeline(ctx context.Context, f EventFilter) ([]Document, []Event, error)
	Documents(ctx context.Context) ([]DocumentSummary, error)
	// Actors lists the coded actors of the stored events with their counts,
	// the most frequent first.
	Actors(ctx context.Context) ([]ActorCount, error)
	Document(ctx context.Context, id string) (*Document, error)
	Timexes(ctx context.Context, docID string) ([]Timex, error)
	DeleteDocument(ctx context.Context, id string) error
	Close() error
}
