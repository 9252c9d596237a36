package main

import "context"

// sequence processes sources with jobs workers and hands their outcomes
// to emit in input order. At most a few outcomes per worker wait at once,
// so memory does not grow with the number of inputs.
func sequence[In, Out any](ctx context.Context, jobs int, sources <-chan In, work func(In) Out, emit func(Out)) {
	type job struct {
		src In
		out chan Out
	}
	queue := make(chan chan Out, 2*jobs)
	jobsCh := make(chan job, jobs)
	for range jobs {
		go func() {
			for j := range jobsCh {
				j.out <- work(j.src)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobsCh)
		for src := range sources {
			ch := make(chan Out, 1)
			select {
			case queue <- ch:
			case <-ctx.Done():
				return
			}
			jobsCh <- job{src, ch}
		}
	}()
	for ch := range queue {
		emit(<-ch)
	}
}
