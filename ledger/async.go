package ledger

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
	cur  []bookOp
	ch   chan []bookOp
	free chan []bookOp
	done chan struct{}
}

const bookBatch = 512

// BookAsync moves the per-suspect bookkeeping (sums per currency,
// channel and month, distinct payers) to a goroutine of its own, so that
// on two cores it overlaps duplicate detection and conversion. Totals,
// Span and IncomeInMonth wait for it to finish; Post must not be called
// after them.
func (l *Ledger) BookAsync() {
	if l.bk != nil {
		return
	}
	bk := &booker{
		cur:  make([]bookOp, 0, bookBatch),
		ch:   make(chan []bookOp, 8),
		free: make(chan []bookOp, 10),
		done: make(chan struct{}),
	}
	go func() {
		defer close(bk.done)
		for batch := range bk.ch {
			for i := range batch {
				op := &batch[i]
				op.b.post(&op.e)
			}
			select {
			case bk.free <- batch[:0]:
			default:
			}
		}
	}()
	l.bk = bk
}

func (bk *booker) add(b *book, e *Entry, cents int64, centsOK bool) {
	bk.cur = append(bk.cur, bookOp{b: b})
	bk.cur[len(bk.cur)-1].e.set(e, cents, centsOK)
	if len(bk.cur) == bookBatch {
		bk.ch <- bk.cur
		select {
		case bk.cur = <-bk.free:
		default:
			bk.cur = make([]bookOp, 0, bookBatch)
		}
	}
}

// settle waits for the booking goroutine to apply every update; from then
// on books are updated synchronously again.
func (l *Ledger) settle() {
	bk := l.bk
	if bk == nil {
		return
	}
	if len(bk.cur) > 0 {
		bk.ch <- bk.cur
	}
	close(bk.ch)
	<-bk.done
	l.bk = nil
}
