package dev.tracelens.ui.task;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Gives the calling thread a lower CPU priority than the window's threads, on Linux.
 *
 * <p>Why: on a 2-core laptop an import keeps both cores busy (reader, inflater, Lucene), and the
 * FX and render threads got only their fair share next to it, so frames stretched past 50 ms
 * whenever new groups had to be laid out and painted. {@link Thread#setPriority} does not help
 * there: HotSpot ignores it on Linux. The nice value does, and Linux keeps it per thread; threads
 * that a niced thread starts inherit it, so the inflater and Lucene's merge threads an import
 * starts run niced too. The nice value cannot be lowered again without privileges, which is fine
 * for a pool that only ever runs background work.
 *
 * <p>Through the FFM API ({@code setpriority(2)} for the thread's own id), because the JDK offers no
 * other way. Elsewhere, or when the C library refuses, the thread simply keeps its priority.
 */
public final class BackgroundPriority {
    /**
     * Nice 10: a tenth of the CPU weight of a nice-0 thread when the cores are contended. Measured
     * against nice 5 (docs/PERFORMANCE.md, "App"): on an idle machine nice 5 let frames reach
     * 40-58 ms during a large import, nice 10 kept them at 32-35 ms; the import itself is as fast.
     * The price: next to other busy programs an import gets less of the CPU (2-3x slower than at
     * nice 5), which is the right way round for work running behind the window.
     */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Native NATIVE = Native.find();

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; true when the operating system took it. */
    public static boolean lowerCurrentThread() {
        return NATIVE != null && NATIVE.renice(NICE);
    }

    private record Native(MethodHandle gettid, MethodHandle setpriority) {
        static Native find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                return new Native(
                        linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT)),
                        linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)));
            } catch (RuntimeException | LinkageError e) {
                return null; // no such symbols (an old C library), or native access denied
            }
        }

        boolean renice(int nice) {
            try {
                int tid = (int) gettid.invokeExact();
                return (int) setpriority.invokeExact(PRIO_PROCESS, tid, nice) == 0;
            } catch (Throwable e) {
                return false;
            }
        }
    }
}
