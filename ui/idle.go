package ui

import (
	"sync"
	"time"
)

// idleLock calls lock when no activity has been reported for the set
// duration. Fyne has no global input hook (keys go to the focused widget,
// the mouse to the widget under it), so the screens report activity: every
// button, menu and keystroke in an entry calls touch.
type idleLock struct {
	mu    sync.Mutex
	after time.Duration // 0 = never
	timer *time.Timer
	lock  func()
}

func newIdleLock(lock func()) *idleLock { return &idleLock{lock: lock} }

// set changes the idle time and restarts the count; 0 turns locking off.
func (l *idleLock) set(d time.Duration) {
	l.mu.Lock()
	l.after = d
	l.mu.Unlock()
	l.touch()
}

// touch reports activity.
func (l *idleLock) touch() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	if l.after > 0 {
		l.timer = time.AfterFunc(l.after, l.lock)
	}
}

// stop cancels the count, as when the wallet is locked already.
func (l *idleLock) stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
}
