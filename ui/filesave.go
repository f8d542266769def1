package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/satchel-wallet/satchel/wallet"
)

// choosePath asks where to save a file suggested as name and calls chosen
// with the path, for files Satchel writes itself rather than hands to the
// dialog: a backup (written in the background, then renamed into place)
// or a private key (readable only by its owner). Fyne's save dialog
// creates the file it returns; it is closed at once and overwritten.
// Tests set App.saveHook to answer without the dialog.
func (a *App) choosePath(name string, chosen func(path string)) {
	if a.saveHook != nil {
		chosen(a.saveHook(name))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.notice(explain(err))
			return
		}
		if w == nil {
			return // cancelled
		}
		w.Close()
		chosen(w.URI().Path())
	}, a.win)
	d.SetFileName(name)
	d.Resize(dialogSize(a.win))
	d.Show()
}

// errCancelled is work the learner cancelled.
var errCancelled = errors.New("cancelled")

// writeAtomic writes a file through write into a temporary file beside
// path, and renames it into place only when all of it is written and on
// disk: path is never half a file. A write that fails, or that cancel
// (when not nil) stops, leaves path as it was. write's error is returned
// even when the file was written, for errors that still leave a usable
// file (a backup without its damaged records).
func writeAtomic(path string, cancel func() bool, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".satchel-save-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone by the rename when all went well
	var w io.Writer = tmp
	if cancel != nil {
		w = cancelWriter{tmp, cancel}
	}
	werr := write(w)
	if werr != nil && (errors.Is(werr, errCancelled) || !isDamaged(werr)) {
		tmp.Close()
		return werr
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return werr
}

// cancelWriter fails every write once cancel reports true, which stops a
// writer that has no cancellation of its own.
type cancelWriter struct {
	w      io.Writer
	cancel func() bool
}

func (c cancelWriter) Write(p []byte) (int, error) {
	if c.cancel() {
		return 0, errCancelled
	}
	return c.w.Write(p)
}

// isDamaged reports whether err says that damaged records were left out
// of what was written, which is still worth keeping.
func isDamaged(err error) bool {
	var d *wallet.DamagedError
	return errors.As(err, &d)
}
