package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule for library frames, used by grouping, the app's traceback view and the reports. */
class LibraryFilesTest {
    @Test
    void libraryPaths() {
        assertTrue(LibraryFiles.isLibrary("/usr/lib/python3.12/site-packages/flask/app.py"));
        assertTrue(LibraryFiles.isLibrary("/usr/lib/python2.7/dist-packages/requests/api.py"));
        assertTrue(LibraryFiles.isLibrary("/usr/lib/python3.11/threading.py"));
        assertTrue(LibraryFiles.isLibrary("C:\\Python312\\Lib\\site-packages\\x.py"));
        assertTrue(LibraryFiles.isLibrary("<frozen importlib._bootstrap>"));
        assertFalse(LibraryFiles.isLibrary("/srv/app/app/views.py"));
        assertFalse(LibraryFiles.isLibrary("/srv/app/lib/helpers.py"), "an app's own lib folder is not the standard library");
    }
}
