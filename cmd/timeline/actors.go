package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
	"github.com/timelinehq/timeline/timeline/export"
)

func (a *App) newActorsCmd() *cobra.Command {
	var format string
	var stored bool
	cmd := &cobra.Command{
		Use:   "actors [flags] [CODE|NAME]",
		Short: "List actor codes and names: those the dictionary knows, or those of stored events",
		Long: `List the CAMEO-style actor codes that query --actor takes, with their names.
Without --stored, every coded actor of the actor dictionary (config key actors):
countries (PRK), organisations (IGOUNO), institutions and groups (USAGOV, the
White House), and office holders under each code they carried. With --stored,
the actors of the events in the database, with how many events have each as
source and as target, the most frequent first.

A code prefix or a part of a name narrows the list, as query --actor matches
(PRK: PRK, PRKGOV, PRKMIL...; "korea": North and South Korea and their parts).`,
		Example: `  timeline actors PRK
  timeline actors korea
  timeline actors --stored
  timeline actors --stored --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var q string
			if len(args) == 1 {
				q = strings.TrimSpace(args[0])
			}
			if stored {
				return a.withReadStore(func(db timeline.Store) error {
					as, err := db.Actors(cmd.Context())
					if err != nil {
						return err
					}
					var keep []timeline.ActorCount
					for _, x := range as {
						if matchesActor(q, x.Code, x.Name) {
							keep = append(keep, x)
						}
					}
					return export.WriteActorCounts(a.Stdout, format, keep)
				})
			}
			var d *actors.Dictionary
			var err error
			if a.config.Actors != "" {
				d, err = loadDictionary(a.config.Actors)
			} else {
				d, err = actors.Default()
			}
			if err != nil {
				return err
			}
			var keep []actors.Entry
			for _, e := range d.Entries() {
				if matchesActor(q, e.Code, e.Name) {
					keep = append(keep, e)
				}
			}
			return export.WriteDictionaryActors(a.Stdout, format, keep)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&stored, "stored", false, "list the actors of the stored events, with counts, instead of the dictionary")
	f.StringVar(&format, "format", "table", "output format: "+strings.Join(export.ListingFormats, " or "))
	return cmd
}

// matchesActor reports whether an actor matches q as query --actor does: a code
// prefix or a part of the name, ignoring case; an empty q matches all.
func matchesActor(q, code, name string) bool {
	return q == "" || strings.HasPrefix(strings.ToLower(code), strings.ToLower(q)) ||
		strings.Contains(strings.ToLower(name), strings.ToLower(q))
}

// loadDictionary reads the actor dictionary the configuration names.
func loadDictionary(path string) (*actors.Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, timeline.Errorf(timeline.EINVALID, "config: actors: %v", err)
	}
	defer f.Close()
	d, err := actors.Load(f)
	if err != nil {
		return nil, timeline.Errorf(timeline.EINVALID, "config: actors: %s: %v", path, err)
	}
	return d, nil
}
