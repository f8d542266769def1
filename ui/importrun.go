package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// progressEvery is how often the progress bar is redrawn during a bulk
// import: often enough to look alive, rarely enough not to load the UI
// with thousands of redraws.
const progressEvery = 100 * time.Millisecond

// importRun is the page of an import under way: a progress bar, how many
// inputs were checked, and Cancel. Inputs are verified in parallel by
// wallet.Import; the counts reach the page through atomics, read by a
// ticker on the UI goroutine.
type importRun struct {
	app    *App
	inputs []wallet.Input
	probs  []problem
	bar    *widget.ProgressBar
	count  *widget.Label
	cancel *widget.Button
	stop   context.CancelFunc
	done   atomic.Int64
}

// runImport verifies and stores inputs, showing progress, then the
// summary. probs are inputs that failed before the wallet saw them.
func (a *App) runImport(inputs []wallet.Input, probs []problem) {
	if a.shell == nil {
		return
	}
	if len(inputs) == 0 {
		a.shell.open(secCredentials, newImportSummary(a, nil, probs, false).content())
		return
	}
	r := &importRun{app: a, inputs: inputs, probs: probs, bar: widget.NewProgressBar()}
	r.bar.Max = float64(len(inputs))
	r.count = widget.NewLabel("")
	r.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), r.onCancel)
	r.update()
	a.running = r
	a.shell.open(secCredentials, r.content())
	r.start()
}

func (r *importRun) content() fyne.CanvasObject {
	msg := paragraph(lang.L("Satchel checks each credential's signature, dates and issuer before it keeps it. Credentials that are not verified are kept too, and say why."))
	body := container.NewVBox(r.bar, r.count, msg, container.NewHBox(r.cancel))
	return pageFrame(lang.N("Importing {{.N}} files", len(r.inputs), map[string]any{"N": len(r.inputs)}), nil, container.New(readableWidth{width: 620}, body))
}

// update shows the counts.
func (r *importRun) update() {
	n := r.done.Load()
	r.bar.SetValue(float64(n))
	r.count.SetText(lang.L("{{.N}} of {{.Total}} checked", map[string]any{"N": n, "Total": len(r.inputs)}))
}

func (r *importRun) start() {
	a := r.app
	ch, err := a.checker()
	if err != nil {
		a.notice(explain(err))
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	r.stop = stop
	ticker := time.NewTicker(progressEvery)
	finished := make(chan struct{})
	if !a.inline {
		go func() {
			for {
				select {
				case <-ticker.C:
					fyne.Do(r.update)
				case <-finished:
					return
				}
			}
		}()
	}
	w := a.wallet
	a.background(func() func() {
		results, err := w.Import(ctx, ch, r.inputs, func(done, _ int) {
			r.done.Store(int64(done))
			if a.progressHook != nil {
				a.progressHook(done)
			}
		})
		cancelled := ctx.Err() != nil
		ticker.Stop()
		close(finished)
		stop()
		return func() {
			a.running = nil
			if a.wallet != w {
				return // locked meanwhile
			}
			if err != nil && !cancelled {
				a.notice(explain(err))
			}
			a.lib.load()
			a.shell.open(secCredentials, newImportSummary(a, results, r.probs, cancelled).withSkipped(len(r.inputs)-len(results)).content())
		}
	})
}

// onCancel stops the import after the inputs under way; what was stored
// stays stored.
func (r *importRun) onCancel() {
	r.app.touch()
	if r.stop != nil {
		r.stop()
	}
	r.cancel.Disable()
	r.count.SetText(lang.L("Stopping after the files under way…"))
}
