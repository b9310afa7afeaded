package main

import "github.com/spf13/cobra"

func (a *App) newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score date resolution (TempEval-3) and event extraction (EVENTS.md) against gold data",
	}
	return cmd
}
