// Package pipeline hands batches of values from one goroutine to another,
// in order, so that a producer and a consumer each keep one core busy: the
// CSV reader beside the ledger, the ledger beside its bookkeeping, sheet
// XML beside its deflating, spool records beside their file writes.
//
// A pipeline is one goroutine and two channels: full batches go one way,
// emptied ones come back on a free list, so memory is a few batches
// however many values pass. Push runs the consumer on the new goroutine
// (the caller produces); Pull runs the producer there (the caller
// consumes). Either side stopping, by an error, by breaking out of the
// loop or by the context ending, stops the other without blocking it.
package pipeline

import (
	"context"
	"errors"
	"iter"
	"sync"
)

// ErrStopped is what Sender.Err returns after the consumer of a Pull
// pipeline stopped reading before the end (Puller.Close, or breaking out
// of Puller.All). Puller.Close does not report it: the caller asked.
var ErrStopped = errors.New("pipeline: the consumer stopped")

// link is what both directions share: the channels, the free list and
// how the pipeline stopped.
type link[T any] struct {
	ctx  context.Context
	size int
	full chan []T
	free chan []T
	// quit is closed, once, when either side gives up before the end;
	// why says why and is written before quit is closed.
	quit chan struct{}
	once sync.Once
	why  error
	// done is closed when the goroutine has returned; err is its own
	// error, read after done.
	done chan struct{}
	err  error
}

func newLink[T any](ctx context.Context, size, depth int) *link[T] {
	if ctx == nil {
		ctx = context.Background()
	}
	size, depth = max(size, 1), max(depth, 1)
	return &link[T]{
		ctx:  ctx,
		size: size,
		full: make(chan []T, depth),
		// Room for every batch that can be in flight (depth queued, one
		// being consumed, one being filled), so handing one back never
		// blocks and no batch is dropped.
		free: make(chan []T, depth+2),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
}

func (l *link[T]) stop(why error) {
	l.once.Do(func() {
		l.why = why
		close(l.quit)
	})
}

func (l *link[T]) stopped() error {
	select {
	case <-l.quit:
		return l.why
	default:
	}
	if l.ctx.Err() != nil {
		err := context.Cause(l.ctx)
		l.stop(err)
		return err
	}
	return nil
}

// batch returns an emptied batch from the free list, or a new one.
func (l *link[T]) batch() []T {
	select {
	case b := <-l.free:
		return b[:0]
	default:
		return make([]T, 0, l.size)
	}
}

func (l *link[T]) recycle(b []T) {
	select {
	case l.free <- b[:0]:
	default:
	}
}

// send queues b for the other side; false when the pipeline stopped (b is
// then dropped).
func (l *link[T]) send(b []T) bool {
	select {
	case <-l.quit:
		return false
	default:
	}
	select {
	case l.full <- b:
		return true
	case <-l.quit:
		return false
	case <-l.ctx.Done():
		l.stop(context.Cause(l.ctx))
		return false
	}
}

// Sender is the producing side of a pipeline: it fills batches and sends
// them, in order.
type Sender[T any] struct {
	l *link[T]
}

// Batch returns an empty batch with room for the pipeline's batch size,
// reused from the free list when one is there.
func (s *Sender[T]) Batch() []T { return s.l.batch() }

// Send hands b to the consumer and returns an empty batch to fill next.
// An empty b is not sent. Once the pipeline has stopped (see Err) b is
// dropped and Send returns at once: a producer that cannot stop midway
// may go on sending, and checks Err when it can stop.
func (s *Sender[T]) Send(b []T) []T {
	if len(b) == 0 {
		return b
	}
	s.l.send(b)
	return s.l.batch()
}

// Err returns why the pipeline stopped before the end (the consumer's
// error, ErrStopped, or the context's cause), nil while it runs.
func (s *Sender[T]) Err() error { return s.l.stopped() }

// Pusher is a pipeline whose consumer runs on a goroutine of its own:
// the caller sends batches and must Close it.
type Pusher[T any] struct {
	Sender[T]
	closed bool
}

// Push starts a goroutine that calls consume on every batch sent, in the
// order sent; at most depth batches wait for it. After consume returns an
// error, or ctx ends, no batch is consumed any more, Send drops them and
// Err and Close return the error. consume must not keep the batch: it is
// reused once consume returns.
func Push[T any](ctx context.Context, size, depth int, consume func([]T) error) *Pusher[T] {
	l := newLink[T](ctx, size, depth)
	go func() {
		defer close(l.done)
		for {
			select {
			case b, ok := <-l.full:
				if !ok {
					return
				}
				if l.ctx.Err() != nil {
					l.err = context.Cause(l.ctx)
				} else {
					l.err = consume(b)
				}
				if l.err != nil {
					l.stop(l.err)
					return
				}
				l.recycle(b)
			case <-l.ctx.Done():
				l.err = context.Cause(l.ctx)
				l.stop(l.err)
				return
			}
		}
	}()
	return &Pusher[T]{Sender: Sender[T]{l: l}}
}

// Close sends last (when not empty), waits until every batch sent is
// consumed and returns the consumer's first error, or the context's cause
// when it ended first. It may be called more than once.
func (p *Pusher[T]) Close(last []T) error {
	if !p.closed {
		p.closed = true
		if len(last) > 0 {
			p.l.send(last)
		}
		close(p.l.full)
		<-p.l.done
	}
	return p.l.err
}

// Puller is a pipeline whose producer runs on a goroutine of its own: the
// caller reads the batches with All and must Close it.
type Puller[T any] struct {
	l *link[T]
}

// Pull starts produce on a goroutine of its own; it sends batches through
// s (its last one too) and returns. At most depth batches wait for the
// caller. When the caller stops early or ctx ends, s.Err turns non-nil
// and s.Send drops the batches: produce should return.
func Pull[T any](ctx context.Context, size, depth int, produce func(s *Sender[T]) error) *Puller[T] {
	l := newLink[T](ctx, size, depth)
	go func() {
		defer close(l.done)
		l.err = produce(&Sender[T]{l: l})
		close(l.full)
	}()
	return &Puller[T]{l: l}
}

// All yields the batches in the order sent. A batch is reused once the
// loop's body returns for it: keep none of it. Breaking out of the loop
// stops the producer. When ctx ends, All stops and Close says why.
func (p *Puller[T]) All() iter.Seq[[]T] {
	l := p.l
	return func(yield func([]T) bool) {
		for {
			select {
			case b, ok := <-l.full:
				if !ok {
					return
				}
				if l.ctx.Err() != nil {
					l.stop(context.Cause(l.ctx))
					return
				}
				if !yield(b) {
					l.stop(ErrStopped)
					return
				}
				l.recycle(b)
			case <-l.ctx.Done():
				l.stop(context.Cause(l.ctx))
				return
			}
		}
	}
}

// Close stops the producer if it is still running, waits for it and
// returns its error; or, when ctx ended before every batch was read, the
// context's cause. It may be called more than once.
func (p *Puller[T]) Close() error {
	l := p.l
	l.stop(ErrStopped)
	<-l.done
	if l.err != nil && !errors.Is(l.err, ErrStopped) {
		return l.err
	}
	if l.why != nil && !errors.Is(l.why, ErrStopped) {
		return l.why
	}
	return nil
}
