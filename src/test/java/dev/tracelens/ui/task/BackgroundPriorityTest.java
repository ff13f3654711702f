package dev.tracelens.ui.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {
    /** The calling thread's nice value, field 19 of /proc/thread-self/stat (after the command name). */
    private static int niceOfCurrentThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static <T> T onNewThread(java.util.concurrent.Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void lowersOnlyTheCallingThreadAndWhatItStarts() throws Exception {
        int mine = niceOfCurrentThread();
        assumeTrue(mine < BackgroundPriority.NICE, "the tests already run at nice " + mine);
        int[] seen = onNewThread(() -> {
            int before = niceOfCurrentThread();
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            int after = niceOfCurrentThread();
            int child = onNewThread(BackgroundPriorityTest::niceOfCurrentThread);
            return new int[] {before, lowered ? 1 : 0, after, child};
        });
        assertEquals(mine, seen[0]);
        assertEquals(1, seen[1], "setpriority refused");
        assertEquals(BackgroundPriority.NICE, seen[2]);
        assertEquals(BackgroundPriority.NICE, seen[3], "a thread started by a lowered thread inherits its nice value");
        assertEquals(mine, niceOfCurrentThread(), "other threads keep theirs");
    }

    @Test
    void theExecutorsWorkerThreadsRunLowered() throws Exception {
        assumeTrue(niceOfCurrentThread() < BackgroundPriority.NICE);
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        FxTaskExecutor.workerThreads().newThread(() -> {
            try {
                nice.complete(niceOfCurrentThread());
            } catch (Exception e) {
                nice.completeExceptionally(e);
            }
        }).start();
        assertEquals(BackgroundPriority.NICE, nice.get(10, TimeUnit.SECONDS));
    }
}
