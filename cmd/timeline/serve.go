package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	timelinehttp "github.com/timelinehq/timeline/http"
	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/store/postgres"
	"github.com/timelinehq/timeline/timeline"
)

func (a *App) newServeCmd() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Show the stored timeline in a web browser",
		Long: `Serve the database as a web page: the events on a zoomable time axis (lanes by
dyad or actor, colour by QuadClass, planned events hollow, negated ones struck
through, open bounds fading), the filters of query kept in the URL, each event's
sentence with its trigger and date evidence, and a dyad's Goldstein tension per
week or month. The page reads the JSON API under /api/ (see the README).

The database (a SQLite file, or a PostgreSQL DSN) is opened read-only and never
created. The server listens on
localhost unless --addr names another address; stop it with Ctrl-C.`,
		Example: `  timeline serve
  timeline serve --addr 127.0.0.1:9000 --db silver.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var db openedStore
			var err error
			title := filepath.Base(a.config.DB)
			if postgres.IsDSN(a.config.DB) {
				db, err = a.open(store.Read)
				title = a.dbName()
			} else {
				db, err = store.OpenReadOnly(a.config.DB)
			}
			if err != nil {
				return err
			}
			defer db.Close()
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return timeline.Errorf(timeline.EINVALID, "serve: --addr %s: %v", addr, err)
			}
			srv := &timelinehttp.Server{Store: db, Title: "Timeline: " + title, LocalOnly: loopback(ln)}
			return a.serve(cmd.Context(), ln, srv.Handler())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "host:port to listen on; a host other than localhost opens the timeline to the network")
	return cmd
}

// serve answers on ln until ctx is cancelled (an interrupt), then lets the
// requests under way finish.
func (a *App) serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if !loopback(ln) {
		fmt.Fprintf(a.Stderr, "timeline: serve: %s is not a loopback address: anyone who can reach it can read the database\n", ln.Addr())
	}
	fmt.Fprintf(a.Stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", a.dbName(), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// loopback reports whether ln listens on the loopback interface only.
func loopback(ln net.Listener) bool {
	tcp, ok := ln.Addr().(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
