package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/timelinehq/timeline/store/postgres"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

// Config is the effective configuration. config.yaml at the repository root
// documents every key.
type Config struct {
	DB        string `mapstructure:"db"`
	Timezone  string `mapstructure:"timezone"`
	Format    string `mapstructure:"format"`
	Actors    string `mapstructure:"actors"`
	Lexicon   string `mapstructure:"lexicon"`
	Gazetteer string `mapstructure:"gazetteer"`
	// BusyTimeout is how long a command waits for another one's lock on the
	// database (a duration: "5s", "1m").
	BusyTimeout string `mapstructure:"busy_timeout"`
	// MergeSpan is how far apart the known dates of two reports may lie when an
	// open bound is what makes them overlap (timeline.SameTime).
	MergeSpan string `mapstructure:"merge_span"`
	// OpenHorizon is how far an event's open bound reaches when it is matched
	// against a date range (timeline.EventFilter.InRange).
	OpenHorizon string `mapstructure:"open_horizon"`

	location    *time.Location
	busyTimeout time.Duration
	mergeSpan   timeline.Period
	openHorizon timeline.Period
}

// defaults are the built-in values, lowest priority. Empty data paths select
// the data embedded in the binary.
var defaults = map[string]string{
	"db":        "timeline.db",
	"timezone":  "UTC",
	"format":    "table",
	"actors":    "",
	"lexicon":   "",
	"gazetteer": "",

	"busy_timeout": "5s",
	"merge_span":   "31d",
	"open_horizon": "1y",
}

// configKeys lists the keys in the order `timeline config` prints them.
var configKeys = []string{"db", "timezone", "format", "actors", "lexicon", "gazetteer", "busy_timeout", "merge_span", "open_horizon"}

// Validate reports every bad value by name, before anything runs.
func (c *Config) Validate() error {
	var errs []string
	if strings.TrimSpace(c.DB) == "" {
		errs = append(errs, "db: empty database path")
	} else if postgres.IsDSN(c.DB) {
		if _, err := url.Parse(c.DB); err != nil {
			errs = append(errs, fmt.Sprintf("db: not a PostgreSQL DSN (postgres://user@host/dbname): %s", postgres.Redact(c.DB)))
		}
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		errs = append(errs, fmt.Sprintf("timezone: unknown time zone %q", c.Timezone))
	}
	c.location = loc
	if !slices.Contains(export.Formats, c.Format) {
		errs = append(errs, fmt.Sprintf("format: unknown format %q (want %s)", c.Format, strings.Join(export.Formats, ", ")))
	}
	for _, kv := range [][2]string{{"actors", c.Actors}, {"lexicon", c.Lexicon}, {"gazetteer", c.Gazetteer}} {
		if kv[1] == "" {
			continue
		}
		if info, err := os.Stat(kv[1]); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", kv[0], err))
		} else if info.IsDir() {
			errs = append(errs, fmt.Sprintf("%s: %s is a directory", kv[0], kv[1]))
		}
	}
	if d, err := time.ParseDuration(c.BusyTimeout); err != nil || d <= 0 {
		errs = append(errs, fmt.Sprintf("busy_timeout: want a positive duration such as 5s or 1m, not %q", c.BusyTimeout))
	} else {
		c.busyTimeout = d
	}
	if p, err := timeline.ParsePeriod(c.MergeSpan); err != nil {
		errs = append(errs, fmt.Sprintf("merge_span: %v", err))
	} else {
		c.mergeSpan = p
	}
	if p, err := timeline.ParsePeriod(c.OpenHorizon); err != nil {
		errs = append(errs, fmt.Sprintf("open_horizon: %v", err))
	} else {
		c.openHorizon = p
	}
	if len(errs) > 0 {
		return timeline.Errorf(timeline.EINVALID, "config: %s", strings.Join(errs, "; "))
	}
	return nil
}

// configFile finds the configuration file: the --config flag, else config.yaml
// in the working directory, else in the user config directory. An explicit file
// must exist; the defaults may be absent.
func configFile(explicit string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", timeline.Errorf(timeline.EINVALID, "config: %v", err)
		}
		return explicit, nil
	}
	candidates := []string{"config.yaml"}
	if dir, err := os.UserConfigDir(); err == nil {
		candidates = append(candidates, filepath.Join(dir, "timeline", "config.yaml"))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
	}
	return "", nil
}

// loadConfig reads defaults, the config file, TIMELINE_* variables and flags, in
// rising priority, rejects unknown keys and bad values, and keeps the result.
func (a *App) loadConfig(cmd *cobra.Command) error {
	v := a.v
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("TIMELINE")
	v.AutomaticEnv()
	explicit, _ := cmd.Flags().GetString("config")
	path, err := configFile(explicit)
	if err != nil {
		return err
	}
	if path != "" {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return timeline.Errorf(timeline.EINVALID, "config: %s: %v", path, firstLine(err))
		}
		var unknown []string
		for _, k := range v.AllKeys() {
			if _, ok := defaults[k]; !ok && v.InConfig(k) {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return timeline.Errorf(timeline.EINVALID, "config: %s: unknown key %s (known: %s)",
				path, strings.Join(unknown, ", "), strings.Join(configKeys, ", "))
		}
	}
	for _, name := range []string{"db", "format"} {
		if f := cmd.Flags().Lookup(name); f != nil {
			if err := v.BindPFlag(name, f); err != nil {
				return fmt.Errorf("config: bind --%s: %w", name, err)
			}
		}
	}
	if err := v.Unmarshal(&a.config); err != nil {
		return timeline.Errorf(timeline.EINVALID, "config: %v", firstLine(err))
	}
	return a.config.Validate()
}

// origin says where the effective value of key came from.
func (a *App) origin(cmd *cobra.Command, key string) string {
	if f := cmd.Flags().Lookup(key); f != nil && f.Changed {
		return "flag --" + key
	}
	env := "TIMELINE_" + strings.ToUpper(key)
	if _, ok := os.LookupEnv(env); ok {
		return "env " + env
	}
	if a.v.InConfig(key) {
		return "file " + a.v.ConfigFileUsed()
	}
	return "default"
}

func (a *App) newConfigCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Show the effective configuration and where each value came from",
		Long: `Show the effective configuration: each key, its value, and where it came from
(default, config file, TIMELINE_* environment variable, or flag). Empty data paths
mean the data embedded in the binary.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tVALUE\tFROM")
			for _, k := range configKeys {
				val := a.v.GetString(k)
				if k == "db" && postgres.IsDSN(val) {
					val = postgres.Redact(val) // a password is not for the screen
				}
				if val == "" {
					val = "(embedded)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k, val, a.origin(cmd, k))
			}
			return tw.Flush()
		},
	}
}

// firstLine keeps error messages to one line: some parsers print a snippet.
func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// formatFlag adds the --format flag to cmd.
func formatFlag(fs *pflag.FlagSet) {
	fs.String("format", "", "output format: "+strings.Join(export.Formats, ", ")+" (config key format)")
}
