package casework

import (
	"context"
	"iter"
	"sync/atomic"
)

// interrupt tells the run's goroutines that its context is done. The
// readers look at it on every row: one atomic load, where ctx.Err()
// would take a lock per row.
type interrupt struct {
	ctx     context.Context
	flag    atomic.Bool
	release func() bool
	// seen is the error that stopped a sequence the reports read.
	seen atomic.Pointer[error]
}

func watch(ctx context.Context) *interrupt {
	if ctx == nil {
		ctx = context.Background()
	}
	i := &interrupt{ctx: ctx}
	i.release = context.AfterFunc(ctx, func() { i.flag.Store(true) })
	return i
}

// err is the context's cause once it is done, nil before.
func (i *interrupt) err() error {
	if i == nil || !i.flag.Load() {
		return nil
	}
	return context.Cause(i.ctx)
}

// now is err without the flag's delay: for the checks between stages.
func (i *interrupt) now() error {
	if i.ctx.Err() != nil {
		return context.Cause(i.ctx)
	}
	return nil
}

// guard stops seq when the run is interrupted; the reports then write
// fewer rows than they should, so the error is kept for Result.Err and
// the caller discards what was written.
func guard[T any](i *interrupt, seq iter.Seq[T]) iter.Seq[T] {
	if seq == nil {
		return nil
	}
	return func(yield func(T) bool) {
		for v := range seq {
			// The context itself, not the flag its AfterFunc sets later:
			// the check must hold as soon as the context is done.
			if err := i.now(); err != nil {
				i.seen.CompareAndSwap(nil, &err)
				return
			}
			if !yield(v) {
				return
			}
		}
	}
}
