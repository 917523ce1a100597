package main

import (
	"fmt"
	"os"
	"os/signal"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/cmd/kg/internal/repl"
	"github.com/kg-project/kg/queries"
)

func init() {
	register(&cli.Command{
		Name:  "repl",
		Usage: "explore the graph interactively with Gizmo",
		Description: `Starts an interactive Gizmo shell on the store: line editing, history kept
across sessions (Up, Ctrl+R), Tab completion of methods, predicates, node
names and saved queries, multi-line entries, results as a table with their
count and the time taken. Ctrl+C stops a running query; Ctrl+D or :quit
leaves; :help lists the commands (:run, :load, :format, :limit, :timeout,
:stats). docs/repl.md has a tour.

When standard input is not a terminal, the whole input is run once as one
script and kg exits, non-zero on error:

   echo 'g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()' | kg repl

History lives in $XDG_STATE_HOME/kg/history (~/.local/state/kg/history
when XDG_STATE_HOME is unset).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: repl.DefaultSettings.Format, Usage: "show results as `FORMAT`: table or json (:format changes it)"},
			&cli.IntFlag{Name: "limit", Value: repl.DefaultSettings.Limit, Usage: "show at most `N` results, 0 for all (:limit changes it)"},
			&cli.DurationFlag{Name: "timeout", Value: repl.DefaultSettings.Timeout, Usage: "stop a query running longer than `DURATION`, 0 for never (:timeout changes it)"},
		},
		Action: runREPL,
	})
}

func runREPL(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit("repl: takes no arguments; pipe a script into it or type at the prompt (see kg repl --help)", 2)
	}
	settings := repl.Settings{Format: c.String("format"), Limit: c.Int("limit"), Timeout: c.Duration("timeout")}
	if settings.Format != repl.FormatTable && settings.Format != repl.FormatJSON {
		return cli.Exit(fmt.Sprintf("repl: unknown --format %q (choose table or json)", settings.Format), 2)
	}
	if settings.Limit < 0 {
		return cli.Exit(fmt.Sprintf("repl: --limit %d is negative (0 shows all results)", settings.Limit), 2)
	}
	interactive := term.IsTerminal(int(os.Stdin.Fd())) && term.IsTerminal(int(os.Stdout.Fd()))

	var script string
	if !interactive {
		// Read the script before opening the store, so a writer holding
		// the store is not kept waiting while the input arrives.
		var err error
		if script, err = queries.ReadLimited(c.App.Reader, "standard input"); err != nil {
			return cli.Exit("repl: "+err.Error(), 1)
		}
	}

	// A store kg serve holds is queried through it; otherwise the REPL
	// opens it to read, as kg query does.
	var store queryStore
	where := ""
	if client := servedStore(c); client != nil {
		store, where = client, " through "+client.Describe()
	} else {
		local, err := openStoreToRead(c)
		if err != nil {
			return cli.Exit(err.Error(), 1)
		}
		defer local.Close()
		store, where = local, fmt.Sprintf(" on the %s store", local.Backend())
	}

	if !interactive {
		if err := repl.RunScript(c.Context, store, settings, script, c.App.Writer, c.App.ErrWriter); err != nil {
			return cli.Exit("repl: "+err.Error(), 1)
		}
		return nil
	}

	// main cancels the whole command on SIGINT; in the REPL Ctrl+C must
	// stop only the running query, which the session arranges itself.
	// SIGTERM still ends the command through c.Context.
	signal.Reset(os.Interrupt)
	historyPath, err := repl.HistoryPath()
	if err != nil {
		fmt.Fprintf(c.App.ErrWriter, "kg: %v; history will not be kept\n", err)
	}
	session := repl.NewSession(store, settings, c.App.Writer)
	banner := fmt.Sprintf("kg repl%s %s: Gizmo queries, :help for commands, Ctrl+D to leave.", where, storeName(c))
	err = session.Interactive(c.Context, repl.TerminalOptions{
		Banner:      banner,
		HistoryPath: historyPath,
		OnCancel: func() {
			os.Exit(143) // terminated by SIGTERM; the store was only read and its lock goes with the process
		},
	})
	if err != nil {
		return cli.Exit("repl: "+err.Error(), 1)
	}
	return nil
}
