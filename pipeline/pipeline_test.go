package pipeline

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
	"unsafe"
)

// pushAll sends 0..n-1 in batches of size through a Push pipeline.
func pushAll(t *testing.T, n, size, depth int, consume func([]int) error) error {
	t.Helper()
	p := Push(context.Background(), size, depth, consume)
	b := p.Batch()
	for i := range n {
		b = append(b, i)
		if len(b) == cap(b) {
			b = p.Send(b)
		}
	}
	return p.Close(b)
}

// TestPushKeepsOrder: the consumer sees every value once, in the order
// sent, whatever the batch size and depth.
func TestPushKeepsOrder(t *testing.T) {
	for _, tc := range []struct{ n, size, depth int }{
		{0, 4, 1}, {1, 4, 1}, {1000, 1, 1}, {1000, 7, 2}, {100000, 512, 8}, {1024, 1024, 4},
	} {
		var got []int
		err := pushAll(t, tc.n, tc.size, tc.depth, func(b []int) error {
			if len(b) > tc.size {
				t.Errorf("batch of %d values, size %d", len(b), tc.size)
			}
			got = append(got, b...)
			return nil
		})
		if err != nil {
			t.Fatalf("%+v: %v", tc, err)
		}
		if len(got) != tc.n {
			t.Fatalf("%+v: consumed %d values", tc, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("%+v: value %d is %d", tc, i, v)
			}
		}
	}
}

// TestPullKeepsOrder: the caller reads every value the producer sent, in
// order, and Close returns nil.
func TestPullKeepsOrder(t *testing.T) {
	for _, tc := range []struct{ n, size, depth int }{
		{0, 4, 1}, {1, 4, 1}, {1000, 1, 1}, {1000, 7, 2}, {100000, 512, 8},
	} {
		p := Pull(context.Background(), tc.size, tc.depth, func(s *Sender[int]) error {
			b := s.Batch()
			for i := range tc.n {
				b = append(b, i)
				if len(b) == cap(b) {
					b = s.Send(b)
				}
			}
			s.Send(b)
			return nil
		})
		next := 0
		for b := range p.All() {
			for _, v := range b {
				if v != next {
					t.Fatalf("%+v: value %d is %d", tc, next, v)
				}
				next++
			}
		}
		if err := p.Close(); err != nil {
			t.Fatalf("%+v: %v", tc, err)
		}
		if next != tc.n {
			t.Fatalf("%+v: read %d values", tc, next)
		}
	}
}

// TestBatchesAreReused: however many batches pass, only the few that can
// be in flight at once are ever allocated.
func TestBatchesAreReused(t *testing.T) {
	const size, depth = 16, 3
	seen := map[*int]bool{}
	err := pushAll(t, 100000, size, depth, func(b []int) error {
		seen[unsafe.SliceData(b)] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// depth queued, one consumed, one filled, one being handed back.
	if len(seen) > depth+3 {
		t.Fatalf("%d distinct batches for 6250 sends: the free list is not used", len(seen))
	}

	seen = map[*int]bool{}
	p := Pull(context.Background(), size, depth, func(s *Sender[int]) error {
		b := s.Batch()
		for i := range 100000 {
			b = append(b, i)
			if len(b) == cap(b) {
				b = s.Send(b)
			}
		}
		s.Send(b)
		return nil
	})
	for b := range p.All() {
		seen[unsafe.SliceData(b)] = true
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if len(seen) > depth+3 {
		t.Fatalf("%d distinct batches for 6250 sends: the free list is not used", len(seen))
	}
}

// TestPushConsumerError: the consumer's error stops consuming, turns up in
// Err for the producer, never blocks Send, and is what Close returns.
func TestPushConsumerError(t *testing.T) {
	boom := errors.New("disk full")
	consumed := 0
	p := Push(context.Background(), 10, 2, func(b []int) error {
		consumed += len(b)
		if consumed >= 50 {
			return boom
		}
		return nil
	})
	b := p.Batch()
	sawErr := false
	// Far more than depth batches after the error: a Send that blocked
	// would hang the test.
	for i := range 10000 {
		b = append(b, i)
		if len(b) == cap(b) {
			b = p.Send(b)
		}
		if p.Err() != nil {
			sawErr = true
		}
	}
	if err := p.Close(b); !errors.Is(err, boom) {
		t.Fatalf("Close: %v, want %v", err, boom)
	}
	if !sawErr || !errors.Is(p.Err(), boom) {
		t.Fatalf("Err never reported the consumer's error (%v)", p.Err())
	}
	if consumed != 50 {
		t.Fatalf("consumed %d values: batches went on being consumed after the error", consumed)
	}
	if err := p.Close(nil); !errors.Is(err, boom) {
		t.Fatalf("second Close: %v", err)
	}
}

// TestPullProducerError: batches sent before the error are read, then
// Close returns the producer's error.
func TestPullProducerError(t *testing.T) {
	boom := errors.New("bad file")
	p := Pull(context.Background(), 10, 2, func(s *Sender[int]) error {
		b := s.Batch()
		for i := range 95 {
			b = append(b, i)
			if len(b) == cap(b) {
				b = s.Send(b)
			}
		}
		s.Send(b)
		return boom
	})
	n := 0
	for b := range p.All() {
		n += len(b)
	}
	if n != 95 {
		t.Fatalf("read %d values before the error, want 95", n)
	}
	if err := p.Close(); !errors.Is(err, boom) {
		t.Fatalf("Close: %v, want %v", err, boom)
	}
}

// TestPullBreakStopsProducer: leaving the loop early stops a producer that
// would otherwise send forever, and is not an error.
func TestPullBreakStopsProducer(t *testing.T) {
	p := Pull(context.Background(), 4, 1, func(s *Sender[int]) error {
		b := s.Batch()
		for i := 0; ; i++ {
			b = append(b, i)
			if len(b) == cap(b) {
				b = s.Send(b)
				if err := s.Err(); err != nil {
					return err
				}
			}
		}
	})
	for b := range p.All() {
		if b[0] >= 40 {
			break
		}
	}
	if err := p.Close(); err != nil {
		t.Fatalf("Close after break: %v", err)
	}
}

// TestCloseWithoutReading: a Puller closed before it is read stops its
// producer, even one blocked on a full queue.
func TestCloseWithoutReading(t *testing.T) {
	stopped := make(chan error, 1)
	p := Pull(context.Background(), 1, 1, func(s *Sender[int]) error {
		for i := 0; ; i++ {
			s.Send([]int{i})
			if err := s.Err(); err != nil {
				stopped <- err
				return nil
			}
		}
	})
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-stopped; !errors.Is(err, ErrStopped) {
		t.Fatalf("producer saw %v, want ErrStopped", err)
	}
}

// TestPushCancel: cancelling the context stops the consumer, unblocks a
// producer waiting on a full queue and is what Close returns.
func TestPushCancel(t *testing.T) {
	cause := errors.New("interrupted")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	started := make(chan struct{})
	release := make(chan struct{})
	p := Push(ctx, 1, 1, func(b []int) error {
		if b[0] == 0 {
			close(started)
			<-release // the queue fills behind this batch
		}
		return nil
	})
	p.Send([]int{0})
	<-started
	p.Send([]int{1}) // queued
	go func() {
		time.Sleep(10 * time.Millisecond)
		cancel(cause)
		close(release)
	}()
	// Blocks on the full queue until the cancel.
	p.Send([]int{2})
	for i := 3; p.Err() == nil; i++ {
		p.Send([]int{i})
	}
	if err := p.Err(); !errors.Is(err, cause) {
		t.Fatalf("Err: %v, want %v", err, cause)
	}
	if err := p.Close(nil); !errors.Is(err, cause) {
		t.Fatalf("Close: %v, want %v", err, cause)
	}
}

// TestPullCancel: cancelling the context ends All, the producer sees the
// cause in Err, and Close returns it.
func TestPullCancel(t *testing.T) {
	cause := errors.New("interrupted")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	producerSaw := make(chan error, 1)
	p := Pull(ctx, 8, 2, func(s *Sender[int]) error {
		b := s.Batch()
		for i := 0; ; i++ {
			b = append(b, i)
			if len(b) == cap(b) {
				b = s.Send(b)
				if err := s.Err(); err != nil {
					producerSaw <- err
					return err
				}
			}
		}
	})
	n := 0
	for range p.All() {
		n++
		if n == 10 {
			cancel(cause)
		}
	}
	if err := p.Close(); !errors.Is(err, cause) {
		t.Fatalf("Close: %v, want %v", err, cause)
	}
	if err := <-producerSaw; !errors.Is(err, cause) {
		t.Fatalf("producer saw %v, want %v", err, cause)
	}
	if n > 10+3 {
		t.Fatalf("%d batches read after the cancel", n-10)
	}
}

// TestWriterCopiesEveryByte: writes of every size come out whole and in
// order, split into chunks no larger than the chunk size.
func TestWriterCopiesEveryByte(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var want bytes.Buffer
	var got chunkRecorder
	w := NewWriter(context.Background(), &got, 100, 2)
	for range 2000 {
		p := make([]byte, r.IntN(350))
		for i := range p {
			p[i] = byte(r.Uint32())
		}
		want.Write(p)
		if n, err := w.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write: %d, %v", n, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("wrote %d bytes, want %d, or they differ", got.Len(), want.Len())
	}
	if got.largest > 100 {
		t.Fatalf("a chunk of %d bytes, larger than 100", got.largest)
	}
	if _, err := w.Write([]byte("late")); err == nil {
		t.Fatal("Write after Close succeeded")
	}
}

type chunkRecorder struct {
	bytes.Buffer
	largest int
}

func (c *chunkRecorder) Write(p []byte) (int, error) {
	c.largest = max(c.largest, len(p))
	return c.Buffer.Write(p)
}

// TestWriterError: the underlying writer's error is returned by a later
// Write and by Close, and nothing is written after it.
func TestWriterError(t *testing.T) {
	boom := errors.New("no space left on device")
	fw := &failingWriter{after: 3, err: boom}
	w := NewWriter(context.Background(), fw, 10, 1)
	var writeErr error
	for range 1000 {
		if _, err := w.Write(make([]byte, 7)); err != nil {
			writeErr = err
			break
		}
	}
	if !errors.Is(writeErr, boom) {
		t.Fatalf("Write: %v, want %v", writeErr, boom)
	}
	if err := w.Close(); !errors.Is(err, boom) {
		t.Fatalf("Close: %v, want %v", err, boom)
	}
	if fw.calls != 4 {
		t.Fatalf("%d writes reached the writer; want 4 (3 good, 1 failing)", fw.calls)
	}
}

type failingWriter struct {
	after, calls int
	err          error
}

func (f *failingWriter) Write(p []byte) (int, error) {
	f.calls++
	if f.calls > f.after {
		return 0, f.err
	}
	return len(p), nil
}

// BenchmarkPush is the cost per value of a batch of 1024 through a
// pipeline, with a consumer doing nothing.
func BenchmarkPush(b *testing.B) {
	p := Push(context.Background(), 1024, 4, func([]int) error { return nil })
	batch := p.Batch()
	for i := 0; b.Loop(); i++ {
		batch = append(batch, i)
		if len(batch) == cap(batch) {
			batch = p.Send(batch)
		}
	}
	if err := p.Close(batch); err != nil {
		b.Fatal(err)
	}
}

// TestOrderProperty: for random sizes, depths and partly filled batches,
// in both directions, what comes out is exactly what went in, in order.
func TestOrderProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		n, size, depth := r.IntN(5000), 1+r.IntN(64), 1+r.IntN(6)
		cuts := rand.New(rand.NewPCG(uint64(trial), 1))
		// produce fills batches up to a random length before sending.
		produce := func(s *Sender[int]) {
			b := s.Batch()
			want := 1 + cuts.IntN(size)
			for i := range n {
				b = append(b, i)
				if len(b) >= want {
					b = s.Send(b)
					want = 1 + cuts.IntN(size)
				}
			}
			s.Send(b)
		}
		check := func(dir string, got []int) {
			t.Helper()
			if len(got) != n {
				t.Fatalf("trial %d %s (n %d size %d depth %d): %d values out", trial, dir, n, size, depth, len(got))
			}
			for i, v := range got {
				if v != i {
					t.Fatalf("trial %d %s: value %d is %d", trial, dir, i, v)
				}
			}
		}

		var pushed []int
		p := Push(context.Background(), size, depth, func(b []int) error {
			pushed = append(pushed, b...)
			return nil
		})
		produce(&p.Sender)
		if err := p.Close(nil); err != nil {
			t.Fatal(err)
		}
		check("push", pushed)

		var pulled []int
		q := Pull(context.Background(), size, depth, func(s *Sender[int]) error {
			produce(s)
			return nil
		})
		for b := range q.All() {
			pulled = append(pulled, b...)
		}
		if err := q.Close(); err != nil {
			t.Fatal(err)
		}
		check("pull", pulled)
	}
}
