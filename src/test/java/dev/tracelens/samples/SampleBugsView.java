package dev.tracelens.samples;

import java.util.Arrays;

/** What tests outside this package may know of the sample bugs. */
public final class SampleBugsView {
    private SampleBugsView() {
    }

    /** The exception type each sample bug ends in, as Python prints it. */
    public static String[] exceptionTypes() {
        return Arrays.stream(SampleBugs.values()).map(b -> b.exceptionType).toArray(String[]::new);
    }

    public static int count() {
        return SampleBugs.values().length;
    }
}
