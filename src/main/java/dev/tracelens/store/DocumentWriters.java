package dev.tracelens.store;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;
import org.apache.lucene.index.IndexWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes traceback documents on threads of their own, off the scan's critical path: the
 * scanning thread hands each traceback over ({@link #write}) and goes on reading; the writer
 * threads build the document (JSON, the context compressed once, ADR 0006's key) and give it to
 * the {@link IndexWriter}, which analyses it and buffers it in its RAM buffer (one buffer per
 * thread, flushed as segments).
 *
 * <p>Order: a traceback goes to the thread chosen by its key, so two versions of one traceback
 * (a provisional one and the complete one) are written in the order they were handed over.
 * {@link #await()} returns once everything handed over is in the writer: the importer calls it
 * before each commit, so a commit holds exactly what was handed over before it.
 *
 * <p>Memory: what waits in the queues is bounded by a byte budget (an estimate of each
 * traceback's text and context), so a burst of huge tracebacks blocks the scan instead of
 * filling the heap.
 *
 * <p>Failures: the first exception of a writer thread is raised on the scanning thread by the
 * next {@link #write} or {@link #await()} ({@link UncheckedIOException} for an I/O failure, as
 * a direct write would). An interrupt of the scanning thread while it waits becomes a
 * {@link CancellationException}. {@link #close()} stops the threads, dropping what is queued
 * (the importer then rolls back to the last commit anyway).
 */
final class DocumentWriters implements AutoCloseable {
    /** Most bytes (estimated) waiting in the queues. */
    private static final int BUDGET_KB = 16 * 1024;

    private final IndexWriter writer;
    private final TracebackDocuments documents;
    private final Worker[] workers;
    private final Semaphore budget = new Semaphore(BUDGET_KB);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    /** Threads for writing documents: the cores beside the inflater and the parser, 1 to 4. */
    static int defaultThreads() {
        return Math.clamp(Runtime.getRuntime().availableProcessors() - 2, 1, 4);
    }

    DocumentWriters(IndexWriter writer, TracebackDocuments documents, int threads) {
        this.writer = writer;
        this.documents = documents;
        this.workers = new Worker[Math.max(1, threads)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            Thread t = new Thread(workers[i], "tracelens-store-writer-" + i);
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
    }

    /** Hands a traceback over to be written; blocks while the queues are full. */
    void write(Traceback traceback) {
        raiseFailure();
        int kb = weightKb(traceback);
        try {
            budget.acquire(kb);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import cancelled");
        }
        Worker w = workers[Math.floorMod(TracebackDocuments.keyOf(traceback).hashCode(), workers.length)];
        w.queue.add(new Task(traceback, kb, null));
    }

    /** Waits until every traceback handed over so far is in the index writer. */
    void await() {
        CountDownLatch done = new CountDownLatch(workers.length);
        for (Worker w : workers) {
            w.queue.add(new Task(null, 0, done));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import cancelled");
        }
        raiseFailure();
    }

    /**
     * Waits until what was handed over so far is in the index writer, from any thread (a
     * refresh that shows a running import's tracebacks); returns at once once closed, and
     * raises nothing (failures are the importing thread's to report).
     */
    void drain() {
        if (closed) {
            return;
        }
        CountDownLatch done = new CountDownLatch(workers.length);
        for (Worker w : workers) {
            w.queue.add(new Task(null, 0, done));
        }
        try {
            while (!closed && !done.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // a close meanwhile drops the fence: check again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void raiseFailure() {
        Throwable f = failure.get();
        if (f == null) {
            return;
        }
        if (f instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(f);
    }

    /** Rough size in KiB of what a queued traceback holds (at least 1, at most the budget). */
    private static int weightKb(Traceback t) {
        long bytes = 512L + 2L * (t.text() == null ? 0 : t.text().length());
        for (ContextLine c : t.context()) {
            bytes += 64 + 2L * (c.message() == null ? 0 : c.message().length());
        }
        return (int) Math.clamp(bytes >> 10, 1, BUDGET_KB);
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            w.queue.clear();
            w.queue.add(Task.STOP);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            while (true) {
                try {
                    w.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Task(Traceback traceback, int kb, CountDownLatch fence) {
        static final Task STOP = new Task(null, 0, null);
    }

    private final class Worker implements Runnable {
        final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
        Thread thread;

        @Override
        public void run() {
            while (true) {
                Task task;
                try {
                    task = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (task == Task.STOP) {
                    return;
                }
                if (task.fence() != null) {
                    task.fence().countDown();
                    continue;
                }
                try {
                    if (!closed && failure.get() == null) {
                        Traceback t = task.traceback();
                        writer.updateDocument(TracebackDocuments.key(t), documents.toDocument(t));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    budget.release(task.kb());
                }
            }
        }
    }
}
