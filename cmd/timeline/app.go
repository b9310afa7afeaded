package main

import (
	"context"
	"errors"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// errReported is returned by commands that already printed their errors (one line
// each, per failed input); main then only sets the exit code.
var errReported = errors.New("some inputs failed")

// App holds what every command shares: the streams and the configuration.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	v      *viper.Viper
	config Config
	root   *cobra.Command

	// inputFiles are the files the command reads, which no --out may overwrite.
	inputFiles []string
	// afterEmit, when set (by tests), runs after each article analyzeAll emits.
	afterEmit func()
}

// NewApp returns the command line wired to the given streams.
func NewApp(stdin io.Reader, stdout, stderr io.Writer) *App {
	a := &App{Stdin: stdin, Stdout: stdout, Stderr: stderr, v: viper.New()}
	a.root = a.newRootCmd()
	return a
}

// Run runs the command line with args. Cancelling ctx (an interrupt) stops
// reading new articles; what was analysed is still stored.
func (a *App) Run(ctx context.Context, args []string) error {
	a.root.SetArgs(args)
	a.root.SetIn(a.Stdin)
	a.root.SetOut(a.Stdout)
	a.root.SetErr(a.Stderr)
	err := a.root.ExecuteContext(ctx)
	if errors.Is(err, errReported) {
		return errSilent{err}
	}
	return err
}

// errSilent marks an error already reported to the user.
type errSilent struct{ error }

func (a *App) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "timeline",
		Short: "Turn news articles into dated, queryable timelines of diplomatic events",
		Long: `timeline reads news articles about international relations, finds their temporal
expressions and diplomatic events (who said, met, threatened, agreed... to whom,
typed with CAMEO codes), dates each event against the article's publication date,
stores everything in SQLite (or PostgreSQL) and exports chronological timelines.`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.loadConfig(cmd) },
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "configuration file (default: ./config.yaml, then the user config dir)")
	pf.String("db", "", "database: a SQLite file, or a PostgreSQL DSN postgres://user@host/dbname (config key db)")
	root.AddCommand(
		a.newBuildCmd(),
		a.newIngestCmd(),
		a.newQueryCmd(),
		a.newExportCmd(),
		a.newTagCmd(),
		a.newParseCmd(),
		a.newDocsCmd(),
		a.newRmCmd(),
		a.newConfigCmd(),
		a.newEvalCmd(),
		a.newServeCmd(),
		a.newActorsCmd(),
	)
	root.Version = version()
	root.SetVersionTemplate("timeline {{.Version}}\n")
	return root
}

// version describes this build: the module version ("(devel)" when built from
// a checkout), the commit and its time when the build recorded them, and the
// Go release.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " (commit " + rev + " " + when + dirty + ")"
	}
	return v + " " + info.GoVersion
}
