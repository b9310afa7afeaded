package export

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
)

// ListingFormats are the formats of the listings (documents, actors).
var ListingFormats = []string{"table", "json"}

func checkListingFormat(format string) error {
	for _, f := range ListingFormats {
		if f == format {
			return nil
		}
	}
	return timeline.Errorf(timeline.EINVALID, "unknown format %q (want %s)", format, strings.Join(ListingFormats, " or "))
}

// jsonListedDocument is a document of OUTPUT.md with its event count.
type jsonListedDocument struct {
	jsonDocument
	Events int `json:"events"`
}

// WriteDocuments writes the listing of stored documents: a table (id,
// publication date or inferred bounds, events, title or path) or JSON
// ({"documents": [...]}, each document as in a JSON timeline, with "events").
func WriteDocuments(w io.Writer, format string, docs []timeline.DocumentSummary) error {
	if err := checkListingFormat(format); err != nil {
		return err
	}
	if format == "json" {
		out := struct {
			Documents []jsonListedDocument `json:"documents"`
		}{Documents: make([]jsonListedDocument, 0, len(docs))}
		for i := range docs {
			d := toJSONDocument(&docs[i].Document)
			d.SHA256 = docs[i].SHA // a listing carries no body to hash
			out.Documents = append(out.Documents, jsonListedDocument{d, docs[i].Events})
		}
		return writeIndented(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDCT\tEVENTS\tTITLE")
	for _, d := range docs {
		dct := timeline.FormatDay(d.DCT)
		if d.DCT.IsZero() {
			dct = "unknown"
			if d.DCTInferred {
				dct = timeline.FormatDay(d.DCTEarliest) + ".." + timeline.FormatDay(d.DCTLatest) + " (inferred)"
			}
		}
		title := d.Title
		if title == "" {
			title = d.Path
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", oneLine(d.ID), dct, d.Events, oneLine(title))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	return nil
}

// WriteDictionaryActors writes the actors of a dictionary: code, kind, name.
func WriteDictionaryActors(w io.Writer, format string, es []actors.Entry) error {
	if err := checkListingFormat(format); err != nil {
		return err
	}
	if format == "json" {
		type entry struct {
			Code string `json:"code"`
			Kind string `json:"kind"`
			Name string `json:"name"`
		}
		out := struct {
			Actors []entry `json:"actors"`
		}{Actors: make([]entry, 0, len(es))}
		for _, e := range es {
			out.Actors = append(out.Actors, entry{e.Code, e.Kind, e.Name})
		}
		return writeIndented(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tKIND\tNAME")
	for _, e := range es {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Code, e.Kind, oneLine(e.Name))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// WriteActorCounts writes the actors of stored events: code, name, events as
// source and as target.
func WriteActorCounts(w io.Writer, format string, as []timeline.ActorCount) error {
	if err := checkListingFormat(format); err != nil {
		return err
	}
	if format == "json" {
		type entry struct {
			Code   string `json:"code"`
			Name   string `json:"name"`
			Source int    `json:"source"`
			Target int    `json:"target"`
		}
		out := struct {
			Actors []entry `json:"actors"`
		}{Actors: make([]entry, 0, len(as))}
		for _, a := range as {
			out.Actors = append(out.Actors, entry{a.Code, a.Name, a.Source, a.Target})
		}
		return writeIndented(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tEVENTS\tAS SOURCE\tAS TARGET\tNAME")
	for _, a := range as {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", a.Code, a.Source+a.Target, a.Source, a.Target, oneLine(a.Name))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}
