package ledger

import (
	"context"

	"github.com/crosscheck/crosscheck/pipeline"
)

// bookOp is one entry's share of a suspect's book, posted later by the
// booking goroutine.
type bookOp struct {
	b *book
	e bookEntry
}

// booker applies book updates on a goroutine of its own. The updates of
// one book are applied in the order they were posted, and a book's
// figures are sums, minima and maxima, so the totals do not depend on
// when the goroutine runs.
type booker struct {
	p   *pipeline.Pusher[bookOp]
	cur []bookOp
}

const bookBatch = 512

// bookAsync moves the per-suspect bookkeeping (sums per currency,
// channel and month, distinct payers) to a goroutine of its own, so that
// on two cores it overlaps duplicate detection and conversion, until
// settle: Totals, Span, IncomeInMonth and Seal wait for it to finish.
func (l *Ledger) bookAsync() {
	if l.bk != nil {
		return
	}
	p := pipeline.Push(context.Background(), bookBatch, 8, func(batch []bookOp) error {
		for i := range batch {
			op := &batch[i]
			op.b.post(&op.e)
		}
		return nil
	})
	l.bk = &booker{p: p, cur: p.Batch()}
}

func (bk *booker) add(b *book, e *Entry, cents int64, centsOK bool) {
	bk.cur = append(bk.cur, bookOp{b: b})
	bk.cur[len(bk.cur)-1].e.set(e, cents, centsOK)
	if len(bk.cur) == bookBatch {
		bk.cur = bk.p.Send(bk.cur)
	}
}

// settle waits for the booking goroutine to apply every update; from then
// on books are updated synchronously again.
func (l *Ledger) settle() {
	bk := l.bk
	if bk == nil {
		return
	}
	// The consumer never fails and has no context to end it.
	_ = bk.p.Close(bk.cur)
	l.bk = nil
}
