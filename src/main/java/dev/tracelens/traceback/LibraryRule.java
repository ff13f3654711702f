package dev.tracelens.traceback;

/**
 * One language's rule for which frames are the runtime's or an installed library's rather than the
 * application's. Each grammar has exactly one, used by its fingerprint and its line kinds (which
 * the app and the reports draw), so the frames shown as own code are the ones that grouped it.
 */
interface LibraryRule {
    boolean isLibrary(Frame frame);

    /** Own code: by the user's in-app prefixes when set, else by this rule. */
    default boolean isOwn(Frame frame, InApp inApp) {
        return inApp.isOwn(frame.function(), frame.file(), isLibrary(frame));
    }
}
