package dev.tracelens.store;

/** Order of a group list; ties go by the other key, then by fingerprint. */
public enum GroupSort {
    /** Most occurrences first. */
    COUNT,
    /** Most recently seen first. */
    LAST_SEEN
}
