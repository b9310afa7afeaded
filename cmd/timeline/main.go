// Command timeline turns news articles about international relations into dated,
// queryable timelines of diplomatic events.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/timelinehq/timeline/timeline"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := NewApp(os.Stdin, os.Stdout, os.Stderr)
	if err := app.Run(ctx, os.Args[1:]); err != nil {
		if !errors.As(err, new(errSilent)) {
			fmt.Fprintf(os.Stderr, "timeline: %v\n", err)
		}
		stop()
		if timeline.ErrorCode(err) == timeline.EINVALID {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
