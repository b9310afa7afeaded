// Command timeline turns news articles about international relations into dated,
// queryable timelines of diplomatic events.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/timelinehq/timeline/timeline"
)

func main() {
	app := NewApp(os.Stdin, os.Stdout, os.Stderr)
	if err := app.Run(os.Args[1:]); err != nil {
		if !errors.As(err, new(errSilent)) {
			fmt.Fprintf(os.Stderr, "timeline: %v\n", err)
		}
		if timeline.ErrorCode(err) == timeline.EINVALID {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
